job "web" {
  group "app" {
    network {
      port "http" {
        static = 8080
      }
      port "admin" {
        static = 8080
      }
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
