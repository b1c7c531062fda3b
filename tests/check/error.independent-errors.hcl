job "web" {
  priority = 50 50
  group "app" {
    count = 
  }
  type = "service" ]
}
