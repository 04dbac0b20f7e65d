using System;
using System.Collections.Generic;
using System.Linq;
using CanIds.Core;
using CanIds.Core.Image;

namespace CanIds.Model.Integer
{
    /// <summary>
    /// The streamlined integer model: the contract the C# reference, the RTL and the firmware agree on bit for bit.
    /// Its input is one window of the model input format (N frames × 10 unsigned bytes, newest last); its output the
    /// class whose final accumulator is largest, ties going to the lowest index. docs/model.md describes it.
    /// </summary>
    public sealed class IntegerModel
    {
        /// <summary>A model; throws <see cref="ArgumentException"/> when the layers do not chain or the classes do not match.</summary>
        public IntegerModel(int windowFrames, IReadOnlyList<string> classes, IReadOnlyList<IntegerLayer> layers, ModelProvenance provenance, int inputFormatVersion = InputFormat.Version, KnownIdentifiers? identifiers = null)
        {
            if (identifiers != null && identifiers.ForeignClass >= classes.Count) throw new ArgumentException($"the identifier rule's foreign class {identifiers.ForeignClass} is not one of the {classes.Count} classes", nameof(identifiers));
            if (windowFrames is < 1 or > 64) throw new ArgumentException($"window must be 1..64 frames, not {windowFrames}", nameof(windowFrames));
            if (classes.Count is < 2 or > 255) throw new ArgumentException($"a model has 2..255 classes, not {classes.Count}", nameof(classes));
            if (classes.Distinct(StringComparer.Ordinal).Count() != classes.Count) throw new ArgumentException("class names must be distinct", nameof(classes));
            if (layers.Count < 1) throw new ArgumentException("a model needs at least one layer", nameof(layers));
            if (inputFormatVersion != InputFormat.Version) throw new ArgumentException($"input format v{inputFormatVersion} is not supported (this build encodes v{InputFormat.Version})", nameof(inputFormatVersion));
            int width = windowFrames * InputFormat.BytesPerFrame;
            int bits = 8;
            for (int l = 0; l < layers.Count; l++)
            {
                var layer = layers[l];
                if (layer.Inputs != width) throw new ArgumentException($"layer {l} takes {layer.Inputs} inputs, but {(l == 0 ? "the window" : $"layer {l - 1}")} gives {width}", nameof(layers));
                if (layer.InputBits != bits) throw new ArgumentException($"layer {l} takes {layer.InputBits}-bit inputs, but {(l == 0 ? "the window" : $"layer {l - 1}")} gives {bits}-bit values", nameof(layers));
                bool last = l == layers.Count - 1;
                if (layer.IsOutput != last) throw new ArgumentException(last ? $"the last layer must be the output layer (0 activation bits)" : $"layer {l} is an output layer but is not the last", nameof(layers));
                width = layer.Outputs;
                bits = layer.ActivationBits;
            }

            if (width != classes.Count) throw new ArgumentException($"the output layer has {width} neurons for {classes.Count} classes", nameof(layers));
            WindowFrames = windowFrames;
            Classes = classes.ToArray();
            Layers = layers.ToArray();
            Provenance = provenance;
            InputFormatVersion = inputFormatVersion;
            Identifiers = identifiers;
        }

        /// <summary>The same model with other provenance.</summary>
        public IntegerModel WithProvenance(ModelProvenance provenance) => new(WindowFrames, Classes, Layers, provenance, InputFormatVersion, Identifiers);

        /// <summary>The same network with another identifier rule (null: none).</summary>
        public IntegerModel WithIdentifiers(KnownIdentifiers? identifiers) => new(WindowFrames, Classes, Layers, Provenance, InputFormatVersion, identifiers);

        /// <summary>
        /// The identifier rule applied beside the network (by the MCU, docs/model.md): a frame the network calls benign
        /// on an identifier word its benign training traffic never used gets the rule's foreign class. Null: none.
        /// </summary>
        public KnownIdentifiers? Identifiers { get; }

        /// <summary>Frames per window (N).</summary>
        public int WindowFrames { get; }

        /// <summary>Input bytes per window: N × 10.</summary>
        public int InputLength => WindowFrames * InputFormat.BytesPerFrame;

        /// <summary>The model input format version it was trained on.</summary>
        public int InputFormatVersion { get; }

        /// <summary>Class names, in output order.</summary>
        public IReadOnlyList<string> Classes { get; }

        /// <summary>Layers, input to output.</summary>
        public IReadOnlyList<IntegerLayer> Layers { get; }

        /// <summary>How the model was made.</summary>
        public ModelProvenance Provenance { get; }

        /// <summary>Layer widths, e.g. "40-256-128-64-32-5".</summary>
        public string Topology => string.Join("-", new[] { InputLength }.Concat(Layers.Select(l => l.Outputs)));

        /// <summary>Bits of weight memory: Σ weights × weight bits.</summary>
        public long WeightMemoryBits => Layers.Sum(l => (long)l.Weights.Length * l.WeightBits);

        /// <summary>Weight and activation bits per layer, e.g. "w2a2 w2a2 w2a2 w2a2 w2".</summary>
        public string BitWidths => string.Join(" ", Layers.Select(l => l.IsOutput ? $"w{l.WeightBits}" : $"w{l.WeightBits}a{l.ActivationBits}"));
    }
}
