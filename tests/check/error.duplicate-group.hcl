job "web" {
  group "app" {
    task "a" {
      driver = "exec"
      config {
        command = "/bin/a"
      }
    }
  }
  group "app" {
    task "b" {
      driver = "exec"
      config {
        command = "/bin/b"
      }
    }
  }
}
