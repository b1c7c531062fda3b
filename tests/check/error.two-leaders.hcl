job "web" {
  group "app" {
    task "a" {
      driver = "exec"
      config {
        command = "/bin/a"
      }
      leader = true
    }
    task "b" {
      driver = "exec"
      config {
        command = "/bin/b"
      }
      leader = true
    }
  }
}
