using System;
using System.Linq;
using CanIds.Model.Integer;
using CanIds.Model.Streamlining;
using Xunit;

namespace CanIds.Model.Tests
{
    /// <summary>
    /// Folding BatchNorm and the quantised ReLU into thresholds gives, for every reachable accumulator, the activation
    /// the float network computes: checked exhaustively over the accumulator range, for positive, negative and zero γ.
    /// </summary>
    public class StreamlinerTests
    {
        [Theory]
        [InlineData(1, 2)]
        [InlineData(2, 3)]
        [InlineData(3, 1)]
        [InlineData(4, 4)]
        public void ThresholdsReproduceTheFloatActivationForEveryAccumulator(int seed, int activationBits)
        {
            var random = new Random(seed);
            const int inputs = 10, outputs = 24;
            var weights = Enumerable.Range(0, inputs * outputs).Select(i => i % inputs == 0 ? (sbyte)1 : (sbyte)random.Next(-1, 2)).ToArray();
            var layer = new FloatLayer
            {
                Inputs = inputs,
                Outputs = outputs,
                WeightBits = 2,
                Weights = weights,
                WeightScales = Enumerable.Range(0, outputs).Select(_ => 0.01 + random.NextDouble()).ToArray(),
                ActivationBits = activationBits,
                ActivationScale = 0.05 + random.NextDouble(),
                // γ of every sign, including exactly zero.
                BnWeight = Enumerable.Range(0, outputs).Select(n => n % 6 == 5 ? 0 : (random.NextDouble() - 0.5) * 4).ToArray(),
                BnBias = Enumerable.Range(0, outputs).Select(_ => (random.NextDouble() - 0.5) * 3).ToArray(),
                BnMean = Enumerable.Range(0, outputs).Select(_ => (random.NextDouble() - 0.5) * 200).ToArray(),
                BnVariance = Enumerable.Range(0, outputs).Select(_ => 0.1 + random.NextDouble() * 500).ToArray(),
                BnEpsilon = 1e-5,
            };
            var output = new FloatLayer { Inputs = outputs, Outputs = 2, WeightBits = 2, Weights = new sbyte[outputs * 2], WeightScales = [1] };
            const double inputScale = 1.0 / 255;
            var model = Streamliner.Streamline([layer, output], inputScale, 1, ["Benign", "Attack"], new ModelProvenance());
            var integer = model.Layers[0];
            int t = integer.ThresholdsPerNeuron, levels = (1 << activationBits) - 1;
            Assert.True(model.Layers[0].Inputs == inputs && integer.AccumulatorBound == inputs * 255);

            for (int n = 0; n < outputs; n++)
            {
                // A neuron whose weights the streamliner negated computes acc' = −acc.
                bool negated = integer.Weight(n, 0) == -1; // input 0's weight is +1 in the float layer
                for (int acc = -integer.AccumulatorBound; acc <= integer.AccumulatorBound; acc++)
                {
                    double z = inputScale * layer.WeightScales[n] * acc;
                    double y = layer.BnWeight[n] * (z - layer.BnMean[n]) / Math.Sqrt(layer.BnVariance[n] + layer.BnEpsilon) + layer.BnBias[n];
                    int expected = (int)Math.Clamp(Math.Round(y / layer.ActivationScale, MidpointRounding.ToEven), 0, levels);
                    int seen = negated ? -acc : acc;
                    int actual = Enumerable.Range(0, t).Count(k => seen >= integer.Thresholds[n * t + k]);
                    Assert.True(expected == actual, $"neuron {n} (γ {layer.BnWeight[n]:F3}) acc {acc}: float {expected}, integer {actual}");
                }
            }
        }

        [Fact]
        public void NegativeGammaFlipsTheNeuronsWeightsAndKeepsThresholdsAscending()
        {
            var layer = new FloatLayer
            {
                Inputs = 10, Outputs = 1, WeightBits = 2, Weights = [1, -1, 0, 0, 0, 0, 0, 0, 0, 0], WeightScales = [1], ActivationBits = 2, ActivationScale = 1,
                BnWeight = [-1], BnBias = [0], BnMean = [0], BnVariance = [1 - 1e-5], BnEpsilon = 1e-5,
            };
            var output = new FloatLayer { Inputs = 1, Outputs = 2, WeightBits = 2, Weights = [1, 0], WeightScales = [1] };
            var model = Streamliner.Streamline([layer, output], 1.0 / 255, 1, ["Benign", "Attack"], new ModelProvenance());
            var l = model.Layers[0];
            Assert.Equal(new sbyte[] { -1, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, l.Weights);
            Assert.Equal(l.Thresholds.OrderBy(v => v), l.Thresholds);
        }

        [Fact]
        public void TheOutputLayerMustHaveOneScaleSoArgmaxIsPreserved()
        {
            var output = new FloatLayer { Inputs = 40, Outputs = 2, WeightBits = 2, Weights = new sbyte[80], WeightScales = [1, 2] };
            var e = Assert.Throws<ArgumentException>(() => Streamliner.Streamline([output], 1.0 / 255, 4, ["Benign", "Attack"], new ModelProvenance()));
            Assert.Contains("one weight scale", e.Message);
        }

        [Fact]
        public void ThresholdsStayInsideTheAccumulatorRange()
        {
            // A neuron whose BatchNorm pushes every level far outside what the accumulator can reach.
            var layer = new FloatLayer
            {
                Inputs = 10, Outputs = 2, WeightBits = 2, Weights = Enumerable.Repeat((sbyte)1, 20).ToArray(), WeightScales = [1e-6, 1e-6], ActivationBits = 2, ActivationScale = 1,
                BnWeight = [1, 1], BnBias = [1e9, -1e9], BnMean = [0, 0], BnVariance = [1, 1], BnEpsilon = 1e-5,
            };
            var output = new FloatLayer { Inputs = 2, Outputs = 2, WeightBits = 2, Weights = new sbyte[4], WeightScales = [1] };
            var model = Streamliner.Streamline([layer, output], 1.0 / 255, 1, ["Benign", "Attack"], new ModelProvenance());
            var l = model.Layers[0];
            Assert.All(l.Thresholds, t => Assert.InRange(t, -l.AccumulatorBound, l.AccumulatorBound + 1));
            Assert.All(l.Thresholds.Take(3), t => Assert.Equal(-l.AccumulatorBound, t));     // always on
            Assert.All(l.Thresholds.Skip(3), t => Assert.Equal(l.AccumulatorBound + 1, t));  // never on
        }
    }
}
