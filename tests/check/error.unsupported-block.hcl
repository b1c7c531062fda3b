job "web" {
  grup "app" {
    count = 1
  }
}
