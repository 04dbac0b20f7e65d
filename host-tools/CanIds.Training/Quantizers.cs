using TorchSharp;
using static TorchSharp.torch;

namespace CanIds.Training
{
    /// <summary>
    /// Learned-step-size quantisers (LSQ, Esser et al. 2020) with straight-through rounding: what the network computes
    /// in training is exactly what the integer model computes after streamlining. Intermediates are left to the
    /// caller's DisposeScope.
    /// </summary>
    internal static class Quantizers
    {
        /// <summary>Largest integer code of a <paramref name="bits"/>-bit signed narrow-range weight.</summary>
        public static int WeightLevels(int bits) => bits == 1 ? 1 : (1 << (bits - 1)) - 1;

        /// <summary>Largest code of a <paramref name="bits"/>-bit unsigned activation.</summary>
        public static int ActivationLevels(int bits) => (1 << bits) - 1;

        /// <summary>
        /// Integer weight codes of <paramref name="w"/> with step <paramref name="scale"/> (broadcast per row):
        /// round(clamp(w / s, −Q, Q)); for 1-bit weights the sign, +1 at 0.
        /// </summary>
        public static Tensor WeightCodes(Tensor w, Tensor scale, int bits)
        {
            var scaled = w / Step(scale);
            if (bits == 1) return where(scaled >= 0, 1.0, -1.0).to(w.dtype);
            int q = WeightLevels(bits);
            var clamped = scaled.clamp(-q, q);
            return clamped.round();
        }

        /// <summary>Fake-quantised weights (codes × step) with straight-through gradients to w and the step.</summary>
        public static Tensor Weights(Tensor w, Tensor scale, int bits)
        {
            int q = WeightLevels(bits);
            var s = GradScale(Step(scale), 1.0 / System.Math.Sqrt(w.shape[1] * (double)q));
            var scaled = w / s;
            var clamped = scaled.clamp(-q, q);
            var target = bits == 1 ? where(clamped >= 0, 1.0, -1.0).to(w.dtype) : clamped.round();
            var rounded = RoundStraightThrough(clamped, target);
            return rounded * s;
        }

        /// <summary>Fake-quantised unsigned activations: clamp(round(x / s), 0, Q) × s, straight-through.</summary>
        public static Tensor Activations(Tensor x, Tensor scale, int bits)
        {
            int q = ActivationLevels(bits);
            var s = GradScale(Step(scale), 1.0 / System.Math.Sqrt(x.shape[1] * (double)q));
            var scaled = x / s;
            var clamped = scaled.clamp(0, q);
            var target = clamped.round();
            var rounded = RoundStraightThrough(clamped, target);
            return rounded * s;
        }

        /// <summary>Activation codes (the integers the next layer sees).</summary>
        public static Tensor ActivationCodes(Tensor x, Tensor scale, int bits)
        {
            var scaled = x / Step(scale);
            var clamped = scaled.clamp(0, ActivationLevels(bits));
            return clamped.round();
        }

        /// <summary>The step a learned scale parameter stands for: |s|, kept away from 0 (the optimiser may push s through 0).</summary>
        public static Tensor Step(Tensor scale) => scale.abs().clamp_min(1e-8);

        // value of `target`, gradient of `x`
        private static Tensor RoundStraightThrough(Tensor x, Tensor target)
        {
            var diff = target - x;
            var detached = diff.detach();
            return x + detached;
        }

        // value of `scale`, gradient scaled by g (LSQ's step-size gradient scale)
        private static Tensor GradScale(Tensor scale, double g)
        {
            var scaled = scale * g;
            var diff = scale - scaled;
            var detached = diff.detach();
            return scaled + detached;
        }
    }
}
