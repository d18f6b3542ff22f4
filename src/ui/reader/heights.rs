//! Block heights with O(log n) prefix sums (a Fenwick tree), so the reading view can
//! find the block at any scroll offset and update one height without touching the rest.

/// Heights of the blocks of an article, estimated or measured.
#[derive(Clone, Debug, Default)]
pub struct Heights {
    values: Vec<f32>,
    tree: Vec<f32>,
}

impl Heights {
    /// Heights from a list of values.
    pub fn new(values: Vec<f32>) -> Self {
        let n = values.len();
        let mut tree = vec![0.0; n + 1];
        for (i, &v) in values.iter().enumerate() {
            tree[i + 1] += v;
            let parent = (i + 1) + ((i + 1) & (!(i + 1) + 1));
            if parent <= n {
                let child = tree[i + 1];
                tree[parent] += child;
            }
        }
        Self { values, tree }
    }

    /// Number of blocks.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True when there are no blocks.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Height of block `i`.
    pub fn get(&self, i: usize) -> f32 {
        self.values[i]
    }

    /// Set the height of block `i`; returns the change.
    pub fn set(&mut self, i: usize, height: f32) -> f32 {
        let delta = height - self.values[i];
        if delta == 0.0 {
            return 0.0;
        }
        self.values[i] = height;
        let mut k = i + 1;
        while k < self.tree.len() {
            self.tree[k] += delta;
            k += k & (!k + 1);
        }
        delta
    }

    /// Sum of the heights of blocks `0..i`: the top of block `i`.
    pub fn top(&self, i: usize) -> f32 {
        let mut k = i.min(self.values.len());
        let mut sum = 0.0;
        while k > 0 {
            sum += self.tree[k];
            k -= k & (!k + 1);
        }
        sum
    }

    /// Total height.
    pub fn total(&self) -> f32 {
        self.top(self.values.len())
    }

    /// The block that contains `y` (the last block if `y` is past the end).
    pub fn block_at(&self, y: f32) -> usize {
        if self.values.is_empty() {
            return 0;
        }
        // Fenwick descent: largest k with prefix(k) <= y.
        let n = self.values.len();
        let mut pos = 0;
        let mut rest = y;
        let mut step = n.next_power_of_two();
        while step > 0 {
            let next = pos + step;
            if next <= n && self.tree[next] <= rest {
                pos = next;
                rest -= self.tree[next];
            }
            step /= 2;
        }
        pos.min(n - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn prefix_sums_and_lookup_match_a_linear_scan(
            values in proptest::collection::vec(0.0f32..100.0, 1..200),
            updates in proptest::collection::vec((0usize..200, 0.0f32..100.0), 0..50),
            probe in 0.0f32..25000.0,
        ) {
            let mut values: Vec<f32> = values.into_iter().map(f32::round).collect();
            let mut heights = Heights::new(values.clone());
            for (i, v) in updates {
                let i = i % values.len();
                heights.set(i, v.round());
                values[i] = v.round();
            }
            let mut top = 0.0;
            for (i, v) in values.iter().enumerate() {
                prop_assert_eq!(heights.top(i), top);
                top += v;
            }
            prop_assert_eq!(heights.total(), top);
            let expected = values
                .iter()
                .scan(0.0, |acc, v| { *acc += v; Some(*acc) })
                .position(|end| end > probe)
                .unwrap_or(values.len() - 1);
            prop_assert_eq!(heights.block_at(probe), expected);
        }
    }
}
