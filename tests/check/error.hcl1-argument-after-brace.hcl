job "lb" {
  type = "service"
  update { stagger = "10s"
    max_parallel = 1
  }
  group "lb" {
    count = 1
  }
}
