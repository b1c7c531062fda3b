job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      vault {
        policies = ["default", "app-read"]
      }
    }
  }
}
