job 12 {
  type = "batch"
}
