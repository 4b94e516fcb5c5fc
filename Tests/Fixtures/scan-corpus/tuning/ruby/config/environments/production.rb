Rails.application.configure do
  config.cache_classes = true
  config.consider_all_requests_local = true # EXPECT: error-stack-exposed
  config.force_ssl = true
end
