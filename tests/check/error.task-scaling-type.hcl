job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      scaling "cpu" {
        type = "vertical_mem"
        max  = 1000
        policy {
        }
      }
    }
  }
}
