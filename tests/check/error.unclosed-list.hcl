job "web" {
  group "app" {
    task "t" {
      config {
        args = [
          "-port", "8080",
          "-verbose"
      }
    }
  }
}
