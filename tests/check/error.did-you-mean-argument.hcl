job "web" {
  group "app" {
    cuont = 2
  }
}
