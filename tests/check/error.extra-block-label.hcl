job "web" {
  group "app" "extra" {
    count = 1
  }
}
