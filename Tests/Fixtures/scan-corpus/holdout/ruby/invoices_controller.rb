# Invoices for the merchant portal.
require 'net/http'
require 'openssl'

class InvoicesController < ApplicationController
  LIASONPAY_API = 'https://api.liasonpay.com/v1'.freeze # OK: plain-http-api
  LEGACY_API = 'http://api.liasonpay.com/v1'.freeze # EXPECT: plain-http-api
  SECRET = 'sk_live_5RmKx9QwL2vNz8TpY4bC7dGh'.freeze # EXPECT: hardcoded-api-key

  def index
    @invoices = Invoice.where("merchant_id = #{params[:merchant_id]}") # EXPECT: sql-string-interpolation
  end

  def safe_index
    @invoices = Invoice.where('merchant_id = ?', params[:merchant_id]) # OK: sql-string-interpolation
  end

  def by_status
    @invoices = Invoice.where(status: params[:status]).order(created_at: :desc) # OK: sql-string-interpolation
  end

  def sorted
    @invoices = Invoice.order("#{params[:sort]} #{params[:direction]}") # EXPECT: sql-string-interpolation
  end

  def legacy
    @invoices = Invoice.find(:all, :conditions => "customer_id = '#{params[:customer]}'") # EXPECT: sql-string-interpolation
  end

  def totals
    rows = Invoice.find_by_sql("SELECT SUM(total) FROM invoices WHERE merchant_id = " + params[:merchant_id]) # EXPECT: sql-string-interpolation
    render json: rows
  end

  def archive
    sql = "UPDATE invoices SET archived = true WHERE id IN ("
    sql << params[:ids].join(',') << ')' # EXPECT: sql-string-interpolation
    ActiveRecord::Base.connection.execute(sql)
  end

  def report
    Rails.logger.info("SELECT invoices for #{current_user.id}") # OK: sql-string-interpolation
    puts "DELETE scheduled for #{params[:id]}" # OK: sql-string-interpolation
  end

  def show
    render json: Invoice.find(params[:id])
  rescue StandardError => e
    render json: { error: e.message, backtrace: e.backtrace }, status: :internal_server_error # EXPECT: error-stack-exposed
  end

  def create
    Invoice.create!(JSON.parse(request.body.read))
  rescue JSON::ParserError => e
    render json: { error: e.message }, status: :bad_request # OK: error-stack-exposed
  end

  def fetch_remote
    http = Net::HTTP.new('api.liasonpay.com', 443)
    http.use_ssl = true
    http.verify_mode = OpenSSL::SSL::VERIFY_NONE # EXPECT: tls-verification-disabled
    http.ssl_version = :TLSv1 # EXPECT: weak-tls-version
    http.verify_mode = OpenSSL::SSL::VERIFY_PEER # OK: tls-verification-disabled
  end

  def webhook
    payload = request.raw_post
    given = request.headers['LiasonPay-Signature']
    digest = OpenSSL::HMAC.hexdigest('SHA256', ENV.fetch('LIASONPAY_WEBHOOK_SECRET'), payload)
    head :unauthorized unless digest == given # EXPECT: webhook-signature-unsafe-compare
  end

  def webhook_safe
    payload = request.raw_post
    digest = OpenSSL::HMAC.hexdigest('SHA256', ENV.fetch('LIASONPAY_WEBHOOK_SECRET'), payload)
    head :unauthorized unless Rack::Utils.secure_compare(digest, request.headers['LiasonPay-Signature']) # OK: webhook-signature-unsafe-compare
  end
end
