job "web" {
  group "app" {
    spread {
      attribute = "${node.datacenter}"
      target "dc1" {
        percent = 70
      }
      target "dc2" {
        percent = 50
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
