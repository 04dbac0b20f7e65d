using System;
using System.Collections.Generic;
using System.Linq;
using CanIds.Model.Integer;
using CanIds.Model.Streamlining;
using TorchSharp;
using static TorchSharp.torch;

namespace CanIds.Training
{
    /// <summary>From the trained network to the integer model, and the trained network's own verdicts to compare with it.</summary>
    public static class NetworkExport
    {
        /// <summary>
        /// The layers as the streamliner takes them. Read from a float64 copy, so that the integer weight codes are
        /// exactly those the float64 network (<see cref="Classify"/>) computes with.
        /// </summary>
        public static IReadOnlyList<FloatLayer> FloatLayers(QuantMlp network)
        {
            using var scope = NewDisposeScope();
            using var exact = network.Copy(ScalarType.Float64);
            exact.eval();
            var layers = new List<FloatLayer>();
            using (no_grad())
            {
                for (int l = 0; l < exact.LayerCount; l++)
                {
                    var w = exact.Weight(l);
                    var step = exact.WeightStep(l);
                    int bits = exact.Shape.WeightBits[l];
                    var codes = Quantizers.WeightCodes(w, step, bits).to(ScalarType.Int8).data<sbyte>().ToArray();
                    var steps = Quantizers.Step(step).flatten().data<double>().ToArray();
                    bool output = l == exact.LayerCount - 1;
                    if (output)
                    {
                        layers.Add(new FloatLayer { Inputs = (int)w.shape[1], Outputs = (int)w.shape[0], WeightBits = bits, Weights = codes, WeightScales = steps });
                        continue;
                    }

                    var norm = exact.Norm(l);
                    layers.Add(new FloatLayer
                    {
                        Inputs = (int)w.shape[1],
                        Outputs = (int)w.shape[0],
                        WeightBits = bits,
                        Weights = codes,
                        WeightScales = steps,
                        ActivationBits = exact.Shape.ActivationBits[l],
                        ActivationScale = Quantizers.Step(exact.ActivationStep(l)).data<double>()[0],
                        BnWeight = norm.weight!.data<double>().ToArray(),
                        BnBias = norm.bias!.data<double>().ToArray(),
                        BnMean = norm.running_mean!.data<double>().ToArray(),
                        BnVariance = norm.running_var!.data<double>().ToArray(),
                        BnEpsilon = norm.eps,
                    });
                }
            }

            return layers;
        }

        /// <summary>The streamlined integer model of <paramref name="network"/>.</summary>
        public static IntegerModel ToIntegerModel(QuantMlp network, IReadOnlyList<string> classes, ModelProvenance provenance) =>
            Streamliner.Streamline(FloatLayers(network), QuantMlp.InputScale, network.Shape.WindowFrames, classes, provenance);

        /// <summary>
        /// The trained network's class for each window (argmax of its float64 logits, ties to the lowest index), in
        /// evaluation mode: what the integer model must reproduce exactly.
        /// </summary>
        public static byte[] Classify(QuantMlp network, byte[] inputs, int inputLength, int batch = 8192)
        {
            using var exact = network.Copy(ScalarType.Float64);
            exact.eval();
            int count = inputs.Length / inputLength;
            var result = new byte[count];
            using (no_grad())
            {
                for (int start = 0; start < count; start += batch)
                {
                    using var scope = NewDisposeScope();
                    int n = Math.Min(batch, count - start);
                    var x = tensor(inputs.AsSpan(start * inputLength, n * inputLength).ToArray(), [n, inputLength]).to(ScalarType.Float64) * QuantMlp.InputScale;
                    var logits = exact.forward(x);
                    var classes = logits.argmax(1).to(ScalarType.Int64).data<long>().ToArray();
                    for (int i = 0; i < n; i++) result[start + i] = (byte)classes[i];
                }
            }

            return result;
        }
    }
}
