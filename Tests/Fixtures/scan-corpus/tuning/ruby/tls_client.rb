require 'net/http'
require 'openssl'

module TlsClient
  def self.strict(uri)
    http = Net::HTTP.new(uri.host, uri.port)
    http.use_ssl = true
    http.verify_mode = OpenSSL::SSL::VERIFY_PEER # OK: tls-verification-disabled
    http.ca_file = '/etc/ssl/liasonpay-ca.pem' # OK: tls-verification-disabled
    http
  end

  def self.lax(uri)
    Net::HTTP.start(uri.host, uri.port, use_ssl: true, verify_mode: OpenSSL::SSL::VERIFY_NONE) # EXPECT: tls-verification-disabled
  end

  def self.httparty(url)
    HTTParty.get(url, verify: false) # EXPECT: tls-verification-disabled
  end

  def self.rest(url)
    RestClient::Request.execute(method: :get, url: url, verify_ssl: OpenSSL::SSL::VERIFY_PEER) # OK: tls-verification-disabled
  end

  def self.excon(url)
    Excon.get(url, ssl_verify_peer: false) # EXPECT: tls-verification-disabled
  end
end
