using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CanIds.Training
{
    /// <summary>
    /// The quantised MLP in training: per hidden layer a bias-free linear layer with LSQ-quantised signed narrow-range
    /// weights (one step per neuron), BatchNorm, and an LSQ-quantised unsigned ReLU (one step per layer); then a
    /// bias-free output layer with one weight step for the whole tensor, so that argmax of its logits is argmax of the
    /// integer accumulators. Inputs are the window's bytes divided by 255.
    /// </summary>
    public sealed class QuantMlp : nn.Module<Tensor, Tensor>
    {
        /// <summary>Scale of the input bytes: x = byte / 255.</summary>
        public const double InputScale = 1.0 / 255.0;

        private readonly ModuleList<Linear> _linears = new();
        private readonly ModuleList<BatchNorm1d> _norms = new();
        private readonly ParameterList _weightSteps = new();
        private readonly ParameterList _activationSteps = new();

        /// <summary>A freshly initialised network of <paramref name="shape"/> for <paramref name="classes"/> classes.</summary>
        public QuantMlp(NetworkShape shape, int classes) : base("QuantMlp")
        {
            Shape = shape;
            Classes = classes;
            var widths = new List<int> { shape.InputLength };
            widths.AddRange(shape.Hidden);
            widths.Add(classes);
            for (int l = 0; l < widths.Count - 1; l++)
            {
                var linear = nn.Linear(widths[l], widths[l + 1], hasBias: false);
                _linears.Add(linear);
                bool output = l == widths.Count - 2;
                using (no_grad())
                {
                    // LSQ's initial step: 2·E|w| / √Q, per neuron (hidden) or per tensor (output).
                    var w = linear.weight!;
                    var meanAbs = output ? w.abs().mean().reshape(1, 1) : w.abs().mean([1], keepdim: true);
                    _weightSteps.Add(new Parameter(meanAbs * (2.0 / Math.Sqrt(Quantizers.WeightLevels(shape.WeightBits[l])))));
                }

                if (!output)
                {
                    _norms.Add(nn.BatchNorm1d(widths[l + 1]));
                    // Cover about 3 standard deviations of the normalised pre-activation with the activation levels.
                    _activationSteps.Add(new Parameter(tensor(new[] { (float)Math.Min(1.0, 3.0 / Quantizers.ActivationLevels(shape.ActivationBits[l])) })));
                }
            }

            RegisterComponents();
        }

        /// <summary>The architecture.</summary>
        public NetworkShape Shape { get; }

        /// <summary>Number of classes.</summary>
        public int Classes { get; }

        /// <summary>Logits of a batch of windows given as floats (bytes / 255).</summary>
        public override Tensor forward(Tensor x)
        {
            int last = _linears.Count - 1;
            for (int l = 0; l < last; l++)
            {
                var w = Quantizers.Weights(_linears[l].weight!, _weightSteps[l], Shape.WeightBits[l]);
                x = nn.functional.linear(x, w);
                x = _norms[l].forward(x);
                x = Quantizers.Activations(x, _activationSteps[l], Shape.ActivationBits[l]);
            }

            var wOut = Quantizers.Weights(_linears[last].weight!, _weightSteps[last], Shape.WeightBits[last]);
            return nn.functional.linear(x, wOut);
        }

        /// <summary>Layers, input to output.</summary>
        internal int LayerCount => _linears.Count;

        internal Tensor Weight(int layer) => _linears[layer].weight!;

        internal Tensor WeightStep(int layer) => _weightSteps[layer];

        internal BatchNorm1d Norm(int layer) => _norms[layer];

        internal Tensor ActivationStep(int layer) => _activationSteps[layer];

        /// <summary>A copy with the same parameters and statistics (optionally converted to <paramref name="type"/>).</summary>
        public QuantMlp Copy(ScalarType? type = null)
        {
            var copy = new QuantMlp(Shape, Classes);
            using (no_grad())
            {
                var source = state_dict();
                var target = copy.state_dict();
                foreach (var (name, value) in source) target[name].copy_(value);
            }

            if (type is { } t) copy.to(t);
            copy.train(training);
            return copy;
        }
    }
}
