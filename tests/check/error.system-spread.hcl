job "web" {
  type = "system"
  group "app" {
    spread {
      attribute = "${node.datacenter}"
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
