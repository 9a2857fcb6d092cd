//! Natural numbers of any size, for instant-runoff counts of split votes. Those are counted exactly
//! over a common denominator, the least common multiple of the split sizes in a round, which can
//! outgrow `u128` when many large tie groups lead their ballots (files with hundreds of alternatives).

use std::cmp::Ordering;
use std::ops::AddAssign;

/// Little-endian 64-bit limbs without trailing zero limbs, so that equal numbers have equal limbs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Natural {
    limbs: Vec<u64>,
}

impl Natural {
    pub(crate) fn from_u64(value: u64) -> Natural {
        Natural::from_limbs(vec![value])
    }

    fn from_limbs(mut limbs: Vec<u64>) -> Natural {
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
        Natural { limbs }
    }

    pub(crate) fn mul_small(&self, factor: u64) -> Natural {
        let mut carry = 0u128;
        let mut limbs: Vec<u64> = self
            .limbs
            .iter()
            .map(|&limb| {
                let product = u128::from(limb) * u128::from(factor) + carry;
                carry = product >> 64;
                product as u64
            })
            .collect();
        limbs.push(carry as u64);
        Natural::from_limbs(limbs)
    }

    /// The quotient and the remainder by a non-zero `divisor`.
    pub(crate) fn div_rem_small(&self, divisor: u64) -> (Natural, u64) {
        let divisor = u128::from(divisor);
        let mut remainder = 0u128;
        let mut limbs = vec![0; self.limbs.len()];
        for (quotient_limb, &limb) in limbs.iter_mut().zip(&self.limbs).rev() {
            let current = (remainder << 64) | u128::from(limb);
            *quotient_limb = (current / divisor) as u64;
            remainder = current % divisor;
        }
        (Natural::from_limbs(limbs), remainder as u64)
    }
}

impl AddAssign<&Natural> for Natural {
    fn add_assign(&mut self, other: &Natural) {
        if self.limbs.len() < other.limbs.len() {
            self.limbs.resize(other.limbs.len(), 0);
        }
        let mut carry = false;
        for (index, limb) in self.limbs.iter_mut().enumerate() {
            let addend = other.limbs.get(index).copied().unwrap_or(0);
            let (sum, first_overflow) = limb.overflowing_add(addend);
            let (sum, second_overflow) = sum.overflowing_add(u64::from(carry));
            *limb = sum;
            carry = first_overflow || second_overflow;
        }
        if carry {
            self.limbs.push(1);
        }
    }
}

impl Ord for Natural {
    fn cmp(&self, other: &Natural) -> Ordering {
        self.limbs.len().cmp(&other.limbs.len()).then_with(|| self.limbs.iter().rev().cmp(other.limbs.iter().rev()))
    }
}

impl PartialOrd for Natural {
    fn partial_cmp(&self, other: &Natural) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn natural(value: u128) -> Natural {
        Natural::from_limbs(vec![value as u64, (value >> 64) as u64])
    }

    proptest! {
        #[test]
        fn agrees_with_u128(a in any::<u64>(), b in any::<u64>(), factor in any::<u64>(), divisor in 1..=u64::MAX) {
            let (a_wide, b_wide) = (u128::from(a) * 3, u128::from(b) << 40);
            let mut sum = natural(a_wide);
            sum += &natural(b_wide);
            prop_assert_eq!(&sum, &natural(a_wide + b_wide));
            prop_assert_eq!(natural(a_wide).cmp(&natural(b_wide)), a_wide.cmp(&b_wide));
            prop_assert_eq!(Natural::from_u64(a).mul_small(factor), natural(u128::from(a) * u128::from(factor)));
            let (quotient, remainder) = natural(b_wide).div_rem_small(divisor);
            prop_assert_eq!(quotient, natural(b_wide / u128::from(divisor)));
            prop_assert_eq!(u128::from(remainder), b_wide % u128::from(divisor));
        }
    }

    #[test]
    fn carries_past_128_bits() {
        let mut big = natural(u128::MAX);
        big += &Natural::from_u64(1);
        assert_eq!(big.limbs, [0, 0, 1]);
        assert_eq!(natural(u128::MAX).mul_small(u64::MAX).div_rem_small(u64::MAX), (natural(u128::MAX), 0));
        assert!(big > natural(u128::MAX));
    }
}
