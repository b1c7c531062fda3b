job "web" {
  group "app" {
    count = "two"
  }
}
