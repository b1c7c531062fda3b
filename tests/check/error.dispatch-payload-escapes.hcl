job "web" {
  type = "batch"
  parameterized {
    payload = "required"
  }
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      dispatch_payload {
        file = "../../../payload"
      }
    }
  }
}
