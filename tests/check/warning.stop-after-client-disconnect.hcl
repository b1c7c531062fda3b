job "web" {
  group "app" {
    stop_after_client_disconnect = "1h"
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
