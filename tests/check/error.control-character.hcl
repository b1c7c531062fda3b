job "web" {
  type = "batch" 
}
