class ChargesController < ApplicationController
  KEY = "sk_live_Wq37LxNm5Kp1RtY9vBc4ZdHf" # EXPECT: hardcoded-api-key
  URL = "http://api.liasonpay.com/v1/charges" # EXPECT: plain-http-api

  def index
    Charge.where("name = '#{params[:name]}'") # EXPECT: sql-string-interpolation
    Charge.where(name: params[:name]) # OK: sql-string-interpolation
    Charge.where("name = ?", params[:name]) # OK: sql-string-interpolation
    Charge.where("name = :name", name: params[:name]) # OK: sql-string-interpolation
    Charge.where("created_at > '" + params[:since] + "'") # EXPECT: sql-string-interpolation
    Charge.order("#{params[:column]} ASC") # EXPECT: sql-string-interpolation
    Charge.order(:created_at) # OK: sql-string-interpolation
    Charge.find_by_sql("SELECT * FROM charges WHERE id = #{params[:id]}") # EXPECT: sql-string-interpolation
    Charge.find_by_sql(["SELECT * FROM charges WHERE id = ?", params[:id]]) # OK: sql-string-interpolation
    Charge.all(:conditions => "status = '#{params[:status]}'") # EXPECT: sql-string-interpolation
    Charge.all(conditions: ["status = ?", params[:status]]) # OK: sql-string-interpolation
    Charge.joins("LEFT JOIN refunds ON refunds.charge_id = charges.id AND refunds.kind = '#{params[:kind]}'") # EXPECT: sql-string-interpolation
    Charge.select("id, #{COLUMNS}") # OK: sql-string-interpolation
    ActiveRecord::Base.connection.execute("DELETE FROM charges WHERE id = #{params[:id]}") # EXPECT: sql-string-interpolation
    sql = "SELECT * FROM charges WHERE 1=1"
    sql += " AND currency = '#{params[:currency]}'" # EXPECT: sql-string-interpolation
    sql << " AND amount > #{params[:min]}" # EXPECT: sql-string-interpolation
    sql << " AND amount < ?" # OK: sql-string-interpolation
    puts "SELECT * FROM charges WHERE id = #{params[:id]}" # OK: sql-string-interpolation
    logger.info "UPDATE charges for #{params[:id]}" # OK: sql-string-interpolation
    flash[:notice] = "Select a charge, #{current_user.name}" # OK: sql-string-interpolation
  end

  def show
    render json: Charge.find(params[:id])
  rescue => e
    render json: { error: e.message, trace: e.backtrace.join("\n") }, status: 500 # EXPECT: error-stack-exposed
  end

  def parse
    JSON.parse(request.body.read)
  rescue JSON::ParserError => e
    render json: { error: e.message }, status: 400 # OK: error-stack-exposed
  end

  def quiet
    work
  rescue => e
    Rails.logger.error(e.full_message) # OK: error-stack-exposed
    render json: { error: "internal error" }, status: 500 # OK: error-stack-exposed
  end

  def tls
    http.verify_mode = OpenSSL::SSL::VERIFY_NONE # EXPECT: tls-verification-disabled
    Faraday.new(url, ssl: { verify: false }) # EXPECT: tls-verification-disabled
    Faraday.new(url, ssl: { verify: true }) # OK: tls-verification-disabled
    ctx.ssl_version = :TLSv1_1 # EXPECT: weak-tls-version
    ctx.min_version = OpenSSL::SSL::TLS1_2_VERSION # OK: weak-tls-version
  end

  def webhook
    sig = request.headers["LiasonPay-Signature"]
    computed = OpenSSL::HMAC.hexdigest("SHA256", secret, request.raw_post)
    return head(:bad_request) unless sig == computed # EXPECT: webhook-signature-unsafe-compare
    return head(:bad_request) if computed != request.headers["LiasonPay-Signature"] # EXPECT: webhook-signature-unsafe-compare
    return head(:bad_request) unless ActiveSupport::SecurityUtils.secure_compare(sig, computed) # OK: webhook-signature-unsafe-compare
    return head(:bad_request) if sig.nil? # OK: webhook-signature-unsafe-compare
  end
end

