job "web" {
  group "app" {
    count = 2

    task "server" {
      driver = "docker"
    }
