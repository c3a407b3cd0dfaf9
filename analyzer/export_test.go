package analyzer

// SetTestHookFile sets the hook called as each file is extracted, until the test ends.
func SetTestHookFile(cleanup func(func()), hook func(name string)) {
	testHookFile = hook
	cleanup(func() { testHookFile = nil })
}
