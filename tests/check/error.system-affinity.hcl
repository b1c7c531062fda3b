job "web" {
  type = "system"
  affinity {
    attribute = "${node.datacenter}"
    value     = "dc1"
  }
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
