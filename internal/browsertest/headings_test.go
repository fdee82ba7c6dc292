package browsertest

import "testing"

func TestHeadingsInOrder(t *testing.T) {
	cases := []struct {
		levels []int
		want   bool
	}{
		{[]int{1, 2, 2, 3, 2}, true},
		{[]int{1}, true},
		{nil, false},
		{[]int{2, 1}, false},
		{[]int{1, 3}, false},
		{[]int{1, 2, 1}, false},
	}
	for _, c := range cases {
		if got := HeadingsInOrder(c.levels); got != c.want {
			t.Errorf("HeadingsInOrder(%v) = %v, want %v", c.levels, got, c.want)
		}
	}
}
