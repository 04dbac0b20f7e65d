using System;

namespace CanIds.Model.Integer
{
    /// <summary>
    /// One fully connected layer of the streamlined integer model. Its accumulator is
    /// <c>acc[n] = Σ_i Weights[n, i] · x[i]</c> over unsigned integer inputs <c>x</c>. A hidden layer outputs, per neuron,
    /// how many of its ascending thresholds the accumulator reaches (<c>acc ≥ T</c>): an unsigned
    /// <see cref="ActivationBits"/>-bit activation. The output layer (<see cref="ActivationBits"/> 0) outputs the
    /// accumulators themselves, compared by argmax.
    /// </summary>
    public sealed class IntegerLayer
    {
        /// <summary>A layer; throws <see cref="ArgumentException"/> naming the first value that breaks the contract.</summary>
        public IntegerLayer(int inputs, int outputs, int weightBits, int inputBits, int activationBits, sbyte[] weights, int[] thresholds)
        {
            if (inputs < 1) throw new ArgumentException($"a layer needs at least one input, not {inputs}", nameof(inputs));
            if (outputs < 1) throw new ArgumentException($"a layer needs at least one output, not {outputs}", nameof(outputs));
            if (weightBits is < 1 or > 8) throw new ArgumentException($"weight bits must be 1..8, not {weightBits}", nameof(weightBits));
            if (inputBits is < 1 or > 8) throw new ArgumentException($"input bits must be 1..8, not {inputBits}", nameof(inputBits));
            if (activationBits is < 0 or > 8) throw new ArgumentException($"activation bits must be 0 (output layer) or 1..8, not {activationBits}", nameof(activationBits));
            if (weights.Length != inputs * outputs) throw new ArgumentException($"expected {inputs} × {outputs} = {inputs * outputs} weights, found {weights.Length}", nameof(weights));
            Inputs = inputs;
            Outputs = outputs;
            WeightBits = weightBits;
            InputBits = inputBits;
            ActivationBits = activationBits;
            Weights = weights;
            Thresholds = thresholds;

            for (int i = 0; i < weights.Length; i++)
            {
                if (!WeightAllowed(weights[i]))
                    throw new ArgumentException($"weight [{i / inputs}, {i % inputs}] = {weights[i]} is not a {weightBits}-bit {(weightBits == 1 ? "bipolar (±1)" : "signed narrow-range")} value", nameof(weights));
            }

            if (thresholds.Length != outputs * ThresholdsPerNeuron)
                throw new ArgumentException($"expected {outputs} × {ThresholdsPerNeuron} = {outputs * ThresholdsPerNeuron} thresholds, found {thresholds.Length}", nameof(thresholds));
            for (int n = 0; n < outputs; n++)
            {
                for (int k = 0; k < ThresholdsPerNeuron; k++)
                {
                    int t = thresholds[n * ThresholdsPerNeuron + k];
                    if (t < -AccumulatorBound || t > AccumulatorBound + 1)
                        throw new ArgumentException($"threshold [{n}, {k}] = {t} is outside the accumulator range [{-AccumulatorBound}, {AccumulatorBound + 1}]", nameof(thresholds));
                    if (k > 0 && t < thresholds[n * ThresholdsPerNeuron + k - 1])
                        throw new ArgumentException($"thresholds of neuron {n} are not ascending at index {k}", nameof(thresholds));
                }
            }
        }

        /// <summary>Inputs (the matrix width, MW).</summary>
        public int Inputs { get; }

        /// <summary>Neurons (the matrix height, MH).</summary>
        public int Outputs { get; }

        /// <summary>Bits per weight: 1 is bipolar {−1, +1}; b ≥ 2 is signed narrow-range [−(2^(b−1)−1), 2^(b−1)−1].</summary>
        public int WeightBits { get; }

        /// <summary>Bits of each unsigned input value (8 for the first layer, the previous layer's activation bits after it).</summary>
        public int InputBits { get; }

        /// <summary>Bits of each unsigned output activation; 0 for the output layer, whose accumulators are compared by argmax.</summary>
        public int ActivationBits { get; }

        /// <summary>True for the output layer.</summary>
        public bool IsOutput => ActivationBits == 0;

        /// <summary>Weights, neuron-major: weight (n, i) at <c>n · Inputs + i</c>.</summary>
        public sbyte[] Weights { get; }

        /// <summary>Thresholds, neuron-major and ascending per neuron: threshold (n, k) at <c>n · ThresholdsPerNeuron + k</c>.</summary>
        public int[] Thresholds { get; }

        /// <summary>2^a − 1 for a-bit activations; 0 for the output layer.</summary>
        public int ThresholdsPerNeuron => ActivationBits == 0 ? 0 : (1 << ActivationBits) - 1;

        /// <summary>Largest weight magnitude the width allows.</summary>
        public int WeightMax => MaxWeight(WeightBits);

        /// <summary>Largest input value.</summary>
        public int InputMax => (1 << InputBits) - 1;

        /// <summary>
        /// |acc| never exceeds this for any weights of this width and any inputs: the hardware's accumulator range.
        /// Thresholds are kept within [−bound, bound + 1], so they fit the same width.
        /// </summary>
        public int AccumulatorBound => Inputs * WeightMax * InputMax;

        /// <summary>Weight (n, i).</summary>
        public int Weight(int neuron, int input) => Weights[neuron * Inputs + input];

        /// <summary>The largest weight magnitude of a <paramref name="bits"/>-bit weight.</summary>
        public static int MaxWeight(int bits) => bits == 1 ? 1 : (1 << (bits - 1)) - 1;

        private bool WeightAllowed(int w) => WeightBits == 1 ? w is -1 or 1 : Math.Abs(w) <= WeightMax;
    }
}
