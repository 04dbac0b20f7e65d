using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using CanIds.Model.Integer;

namespace CanIds.Model.Inference
{
    /// <summary>
    /// The integer model on AVX2, for evaluation, replay and benchmarks: the same integers as
    /// <see cref="ReferenceInference"/> (tests compare them window by window), about two orders of magnitude faster.
    /// </summary>
    /// <remarks>
    /// Each layer is a sequence of <c>vpmaddubsw</c>: a pair of unsigned inputs broadcast to 16 lanes times the pair's
    /// signed weights of 16 neurons, accumulated in 16-bit lanes. That is exact only where no partial sum can leave the
    /// int16 range, which <see cref="IsSupported"/> checks from the model's widths (the paper's network uses at most
    /// ±10,200). Activations are the count of thresholds reached, from three signed compares per 16 neurons.
    /// </remarks>
    public sealed class FastInference
    {
        private const int Lanes = 16;
        private readonly LayerPlan[] _layers;
        private readonly byte[][] _activations;
        private readonly short[] _final;
        private readonly int _inputLength;
        private readonly int _classes;

        /// <summary>Prepares <paramref name="model"/>; check <see cref="IsSupported"/> first.</summary>
        /// <exception cref="NotSupportedException">The CPU lacks AVX2 or the model's ranges exceed 16 bits.</exception>
        public FastInference(IntegerModel model)
        {
            if (!IsSupported(model, out var why)) throw new NotSupportedException(why);
            _inputLength = model.InputLength;
            _classes = model.Classes.Count;
            _layers = new LayerPlan[model.Layers.Count];
            _activations = new byte[model.Layers.Count][];
            for (int l = 0; l < model.Layers.Count; l++)
            {
                _layers[l] = new LayerPlan(model.Layers[l]);
                _activations[l] = new byte[2 * _layers[l].Pairs]; // this layer's input, padded to whole pairs
            }

            _final = new short[_layers[^1].Groups * Lanes];
        }

        /// <summary>True when this CPU and this model's value ranges allow the fast path; <paramref name="why"/> says why not.</summary>
        public static bool IsSupported(IntegerModel model, out string why)
        {
            if (!Avx2.IsSupported)
            {
                why = "the CPU has no AVX2";
                return false;
            }

            foreach (var layer in model.Layers)
            {
                if (2 * layer.InputMax * layer.WeightMax > short.MaxValue || layer.AccumulatorBound + 1 > short.MaxValue)
                {
                    why = $"a {layer.Inputs}-input layer with {layer.WeightBits}-bit weights and {layer.InputBits}-bit inputs can reach ±{layer.AccumulatorBound}, beyond 16-bit lanes";
                    return false;
                }
            }

            why = "";
            return true;
        }

        /// <summary>
        /// Classifies <paramref name="classes"/>.Length windows stored back to back in <paramref name="inputs"/>.
        /// </summary>
        public void Classify(ReadOnlySpan<byte> inputs, Span<byte> classes)
        {
            if (inputs.Length != classes.Length * _inputLength)
                throw new ArgumentException($"{classes.Length} windows need {classes.Length * _inputLength} input bytes, found {inputs.Length}", nameof(inputs));
            for (int w = 0; w < classes.Length; w++) classes[w] = (byte)ClassifyOne(inputs.Slice(w * _inputLength, _inputLength));
        }

        /// <summary>The class of one window; <paramref name="accumulators"/>, when not empty, receives the final accumulators.</summary>
        public int ClassifyOne(ReadOnlySpan<byte> input, Span<int> accumulators = default)
        {
            input.CopyTo(_activations[0]);
            for (int l = 0; l < _layers.Length; l++)
            {
                var plan = _layers[l];
                if (plan.IsOutput) RunOutput(plan, _activations[l], _final);
                else RunHidden(plan, _activations[l], _activations[l + 1]);
            }

            int best = 0;
            for (int c = 1; c < _classes; c++)
            {
                if (_final[c] > _final[best]) best = c;
            }

            for (int c = 0; c < accumulators.Length && c < _classes; c++) accumulators[c] = _final[c];
            return best;
        }

        private static Vector256<short> Accumulate(LayerPlan plan, byte[] x, int group)
        {
            ref byte xRef = ref MemoryMarshal.GetArrayDataReference(x);
            ref sbyte wRef = ref MemoryMarshal.GetArrayDataReference(plan.Weights);
            int pairs = plan.Pairs;
            nuint offset = (nuint)(group * pairs * 2 * Lanes);
            var acc = Vector256<short>.Zero;
            for (int p = 0; p < pairs; p++)
            {
                var xPair = Vector256.Create(Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref xRef, 2 * p))).AsByte();
                var w = Vector256.LoadUnsafe(ref wRef, offset);
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(xPair, w));
                offset += 2 * Lanes;
            }

            return acc;
        }

        private static void RunHidden(LayerPlan plan, byte[] x, byte[] y)
        {
            ref short tRef = ref MemoryMarshal.GetArrayDataReference(plan.ThresholdsMinusOne);
            int t = plan.ThresholdsPerNeuron;
            Span<byte> narrowed = stackalloc byte[2 * Lanes];
            for (int g = 0; g < plan.Groups; g++)
            {
                var acc = Accumulate(plan, x, g);
                var activation = Vector256<short>.Zero;
                for (int k = 0; k < t; k++)
                {
                    // acc ≥ T  ⟺  acc > T − 1; a true compare is −1, so subtracting counts it.
                    var threshold = Vector256.LoadUnsafe(ref tRef, (nuint)((g * t + k) * Lanes));
                    activation = Avx2.Subtract(activation, Avx2.CompareGreaterThan(acc, threshold));
                }

                Vector256.Narrow(activation.AsUInt16(), Vector256<ushort>.Zero).CopyTo(narrowed);
                int count = Math.Min(Lanes, y.Length - g * Lanes);
                if (count > 0) narrowed[..count].CopyTo(y.AsSpan(g * Lanes, count));
            }
        }

        private static void RunOutput(LayerPlan plan, byte[] x, short[] final)
        {
            for (int g = 0; g < plan.Groups; g++) Accumulate(plan, x, g).CopyTo(final, g * Lanes);
        }

        /// <summary>One layer's weights and thresholds in the order the kernel reads them.</summary>
        private sealed class LayerPlan
        {
            public LayerPlan(IntegerLayer layer)
            {
                IsOutput = layer.IsOutput;
                Pairs = (layer.Inputs + 1) / 2;
                Groups = (layer.Outputs + Lanes - 1) / Lanes;
                ThresholdsPerNeuron = layer.ThresholdsPerNeuron;

                // Weights of group g, input pair p: 16 neurons × (w[n, 2p], w[n, 2p+1]), as vpmaddubsw pairs them.
                Weights = new sbyte[Groups * Pairs * 2 * Lanes];
                for (int g = 0; g < Groups; g++)
                {
                    for (int p = 0; p < Pairs; p++)
                    {
                        for (int j = 0; j < Lanes; j++)
                        {
                            int n = g * Lanes + j;
                            for (int h = 0; h < 2; h++)
                            {
                                int i = 2 * p + h;
                                if (n < layer.Outputs && i < layer.Inputs) Weights[((g * Pairs + p) * Lanes + j) * 2 + h] = (sbyte)layer.Weight(n, i);
                            }
                        }
                    }
                }

                // Thresholds T − 1 for a greater-than compare; padding neurons never reach theirs.
                ThresholdsMinusOne = new short[Groups * ThresholdsPerNeuron * Lanes];
                for (int g = 0; g < Groups; g++)
                {
                    for (int k = 0; k < ThresholdsPerNeuron; k++)
                    {
                        for (int j = 0; j < Lanes; j++)
                        {
                            int n = g * Lanes + j;
                            ThresholdsMinusOne[(g * ThresholdsPerNeuron + k) * Lanes + j] = n < layer.Outputs
                                ? (short)(layer.Thresholds[n * ThresholdsPerNeuron + k] - 1)
                                : short.MaxValue;
                        }
                    }
                }
            }

            public bool IsOutput { get; }
            public int Pairs { get; }
            public int Groups { get; }
            public int ThresholdsPerNeuron { get; }
            public sbyte[] Weights { get; }
            public short[] ThresholdsMinusOne { get; }
        }
    }
}
