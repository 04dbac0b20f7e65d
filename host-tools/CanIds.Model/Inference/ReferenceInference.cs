using System;
using CanIds.Model.Integer;

namespace CanIds.Model.Inference
{
    /// <summary>
    /// The integer model evaluated exactly as its definition reads, one window at a time: the reference every other
    /// implementation (the fast path, the RTL, the firmware's expectations) is tested against. Not thread-safe: one
    /// instance per thread.
    /// </summary>
    public sealed class ReferenceInference
    {
        private readonly IntegerModel _model;
        private readonly int[][] _values;

        /// <summary>An evaluator of <paramref name="model"/>.</summary>
        public ReferenceInference(IntegerModel model)
        {
            _model = model;
            _values = new int[model.Layers.Count + 1][];
            _values[0] = new int[model.InputLength];
            for (int l = 0; l < model.Layers.Count; l++) _values[l + 1] = new int[model.Layers[l].Outputs];
        }

        /// <summary>The final layer's accumulators of the last <see cref="Classify"/>.</summary>
        public ReadOnlySpan<int> Accumulators => _values[^1];

        /// <summary>The outputs of layer <paramref name="layer"/> (activations, or accumulators for the output layer) of the last call.</summary>
        public ReadOnlySpan<int> LayerOutput(int layer) => _values[layer + 1];

        /// <summary>The class of one window (<see cref="IntegerModel.InputLength"/> bytes): argmax of the final accumulators, ties to the lowest index.</summary>
        public int Classify(ReadOnlySpan<byte> input)
        {
            if (input.Length != _model.InputLength) throw new ArgumentException($"a window of this model is {_model.InputLength} bytes, not {input.Length}", nameof(input));
            var x = _values[0];
            for (int i = 0; i < x.Length; i++) x[i] = input[i];

            for (int l = 0; l < _model.Layers.Count; l++)
            {
                var layer = _model.Layers[l];
                var inValues = _values[l];
                var outValues = _values[l + 1];
                int t = layer.ThresholdsPerNeuron;
                for (int n = 0; n < layer.Outputs; n++)
                {
                    int acc = 0;
                    int row = n * layer.Inputs;
                    for (int i = 0; i < layer.Inputs; i++) acc += layer.Weights[row + i] * inValues[i];

                    if (layer.IsOutput)
                    {
                        outValues[n] = acc;
                        continue;
                    }

                    // Multi-threshold activation: the number of thresholds the accumulator reaches (acc ≥ T).
                    int activation = 0;
                    for (int k = 0; k < t; k++)
                    {
                        if (acc >= layer.Thresholds[n * t + k]) activation++;
                    }

                    outValues[n] = activation;
                }
            }

            return ArgMax(_values[^1]);
        }

        /// <summary>Index of the largest value; the lowest index among equals.</summary>
        public static int ArgMax(ReadOnlySpan<int> values)
        {
            int best = 0;
            for (int i = 1; i < values.Length; i++)
            {
                if (values[i] > values[best]) best = i;
            }

            return best;
        }
    }
}
