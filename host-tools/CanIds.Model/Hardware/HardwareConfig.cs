using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CanIds.Core;
using CanIds.Model.Integer;

namespace CanIds.Model.Hardware
{
    /// <summary>
    /// An accelerator family: the window, the layers' shapes and widths, the folding — everything a bitstream fixes.
    /// One bitstream runs every model that fits its family (<see cref="Misfit"/>): smaller models are padded (zero
    /// weights, neurons that never fire, older frames with no weight), and the output layer has
    /// <see cref="MaxClasses"/> neurons of which a model uses its own number, told by its weight image. The
    /// <see cref="ConfigId"/> names the family: compiled into the RTL, reported over the SPI link and written into
    /// weight images, so an image for another family is refused before it touches the FPGA.
    /// </summary>
    public sealed class HardwareConfig
    {
        /// <summary>Target cycles per inference of <see cref="DefaultFolding"/>: 195k inferences/s at 200 MHz.</summary>
        public const int DefaultTargetCycles = 1024;

        /// <summary>Output neurons of a family's last layer: the most classes its models may have.</summary>
        public const int MaxClasses = 8;

        private HardwareConfig(int windowFrames, IReadOnlyList<LayerHardware> layers)
        {
            if (windowFrames < 1 || windowFrames > InputFormat.MaxWindowFrames) throw new ArgumentException($"a window holds 1..{InputFormat.MaxWindowFrames} frames, not {windowFrames}");
            WindowFrames = windowFrames;
            Layers = layers;
            for (int l = 0; l < layers.Count; l++) layers[l].Validate(l);
        }

        /// <summary>Frames per window.</summary>
        public int WindowFrames { get; }

        /// <summary>Input bytes per window.</summary>
        public int InputLength => WindowFrames * InputFormat.BytesPerFrame;

        /// <summary>The most classes a model of this family may have (the output layer's neurons).</summary>
        public int OutputNeurons => Layers[^1].Outputs;

        /// <summary>The MVAUs, input to output.</summary>
        public IReadOnlyList<LayerHardware> Layers { get; }

        /// <summary>Cycles between inferences in steady state: the slowest layer.</summary>
        public int InitiationInterval => Layers.Max(l => l.Cycles);

        /// <summary>Bytes of the image payload: every layer's weight then threshold words, then the model's class count (1 byte).</summary>
        public int ImagePayloadBytes => Layers.Sum(l => l.ImageBytes) + 1;

        /// <summary>The folding of each layer, e.g. "1×10 1×32 1×8 1×2 1×1".</summary>
        public string FoldingText => string.Join(" ", Layers.Select(l => l.Folding.ToString()));

        /// <summary>CRC-32 of <see cref="Descriptor"/>: identifies the memory layout a weight image must match.</summary>
        public uint ConfigId
        {
            get
            {
                var d = Descriptor();
                return Crc32.Compute(d, 0, d.Length);
            }
        }

        /// <summary>The family of <paramref name="model"/>'s own shape with <paramref name="folding"/> (one per layer).</summary>
        public static HardwareConfig For(IntegerModel model, IReadOnlyList<LayerFolding> folding)
        {
            if (folding.Count != model.Layers.Count) throw new ArgumentException($"{folding.Count} foldings for {model.Layers.Count} layers");
            var shapes = Shapes(model);
            return new HardwareConfig(model.WindowFrames, model.Layers.Select((l, i) => new LayerHardware
            {
                Inputs = shapes[i].Inputs,
                Outputs = shapes[i].Outputs,
                Folding = folding[i],
                WeightBits = l.WeightBits,
                InputBits = l.InputBits,
                ActivationBits = l.ActivationBits,
            }).ToArray());
        }

        /// <summary>The family of <paramref name="model"/>'s own shape with <see cref="DefaultFolding"/>.</summary>
        public static HardwareConfig For(IntegerModel model, int targetCycles = DefaultTargetCycles) =>
            For(model, DefaultFolding(Shapes(model), targetCycles));

        // The model's layer shapes, with the output layer widened to the family's MaxClasses.
        private static (int Inputs, int Outputs)[] Shapes(IntegerModel model) =>
            model.Layers.Select((l, i) => (l.Inputs, i == model.Layers.Count - 1 ? Math.Max(MaxClasses, l.Outputs) : l.Outputs)).ToArray();

        /// <summary>
        /// Why <paramref name="model"/> cannot run on this family, or null when it can: the same layers, no layer wider
        /// than the family's, a window no longer (the same length on 1-bit weights), the same input and activation bits,
        /// weights no wider (1-bit weights run on 2-bit hardware, not the other way), and no more classes than the
        /// output layer has neurons.
        /// </summary>
        public string? Misfit(IntegerModel model)
        {
            if (model.Layers.Count != Layers.Count) return $"the model has {model.Layers.Count} layers, the hardware {Layers.Count}";
            if (model.WindowFrames > WindowFrames) return $"the model's window is {model.WindowFrames} frames, the hardware's {WindowFrames}";
            for (int l = 0; l < Layers.Count; l++)
            {
                var m = model.Layers[l];
                var h = Layers[l];
                if (m.Outputs > h.Outputs) return $"layer {l}: the model has {m.Outputs} neurons{(m.IsOutput ? " (classes)" : "")}, the hardware {h.Outputs}";
                if (m.InputBits != h.InputBits || m.ActivationBits != h.ActivationBits) return $"layer {l}: the model is in{m.InputBits} a{m.ActivationBits}, the hardware in{h.InputBits} a{h.ActivationBits}";
                if (m.WeightBits > h.WeightBits || (h.WeightBits == 1 && m.WeightBits != 1))
                    return $"layer {l}: {m.WeightBits}-bit weights do not fit {h.WeightBits}-bit weight memories";
                // A padding input must weigh nothing, and 1-bit weights are ±1. Later layers' padding inputs are the
                // outputs of padding neurons, always 0, so only the first layer's (a shorter window) matters.
                if (l == 0 && h.WeightBits == 1 && m.Inputs != h.Inputs)
                    return $"the model's window is {model.WindowFrames} frames, the hardware's {WindowFrames}: a shorter window needs zero weights, which 1-bit weights cannot hold";
            }

            return null;
        }

        /// <summary>
        /// The family an RTL build was generated for, read back from its <c>cqmlp_params.vh</c> (canids export --rtl):
        /// what the FPGA built from that folder runs.
        /// </summary>
        /// <exception cref="InvalidDataException">The file is not a parameter file this version writes; the message names the field.</exception>
        public static HardwareConfig FromRtlParams(string path) => ParseRtlParams(File.ReadAllText(path), path);

        /// <summary>
        /// The family the repository's FPGA is built for (fpga/gen, compiled into this library): what the shipped
        /// bitstream and the prebuilt simulator run, and what weight images are packed for unless told otherwise.
        /// </summary>
        public static HardwareConfig Shipped { get; } = LoadShipped();

        /// <summary>
        /// The family to run <paramref name="model"/> on: <see cref="Shipped"/> when the model fits it (no new
        /// bitstream), else a family of the model's own shape, which needs one.
        /// </summary>
        public static HardwareConfig FamilyFor(IntegerModel model) => Shipped.Misfit(model) == null ? Shipped : For(model);

        private static HardwareConfig LoadShipped()
        {
            using var stream = typeof(HardwareConfig).Assembly.GetManifestResourceStream("cqmlp_params.vh")
                ?? throw new InvalidOperationException("the shipped family (fpga/gen/cqmlp_params.vh) is not compiled in");
            using var reader = new StreamReader(stream);
            return ParseRtlParams(reader.ReadToEnd(), "fpga/gen/cqmlp_params.vh");
        }

        private static HardwareConfig ParseRtlParams(string text, string path)
        {
            int Scalar(string name)
            {
                var m = Regex.Match(text, $@"localparam integer {name} = (\d+);");
                return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidDataException($"{path}: no {name}");
            }

            int[] Vector(string name, int n)
            {
                var m = Regex.Match(text, $@"localparam \[[^\]]+\] {name} = \{{([^}}]*)\}};");
                if (!m.Success) throw new InvalidDataException($"{path}: no {name}");
                var values = m.Groups[1].Value.Split(',').Select(v => int.Parse(v.Trim()[4..], CultureInfo.InvariantCulture)).Reverse().ToArray();
                return values.Length == n ? values : throw new InvalidDataException($"{path}: {name} has {values.Length} values for {n} layers");
            }

            int layers = Scalar("NL");
            int inputLength = Scalar("INPUT_LEN");
            var mw = Vector("L_MW", layers);
            var mh = Vector("L_MH", layers);
            var pe = Vector("L_PE", layers);
            var simd = Vector("L_SIMD", layers);
            var wb = Vector("L_WB", layers);
            var ib = Vector("L_IB", layers);
            var ab = Vector("L_AB", layers);
            return new HardwareConfig(inputLength / InputFormat.BytesPerFrame, Enumerable.Range(0, layers).Select(l => new LayerHardware
            {
                Inputs = mw[l],
                Outputs = mh[l],
                Folding = new LayerFolding(pe[l], simd[l]),
                WeightBits = wb[l],
                InputBits = ib[l],
                ActivationBits = ab[l],
            }).ToArray());
        }

        /// <summary>
        /// Per layer the cheapest folding that takes at most <paramref name="targetCycles"/> cycles per vector: the
        /// fewest PE · SIMD, then the fewest PE (narrower threshold memories and fewer comparators).
        /// </summary>
        public static LayerFolding[] DefaultFolding(IReadOnlyList<(int Inputs, int Outputs)> shapes, int targetCycles)
        {
            if (targetCycles < 1) throw new ArgumentException($"target cycles must be positive, not {targetCycles}");
            return shapes.Select(s =>
            {
                LayerFolding? best = null;
                for (int pe = 1; pe <= s.Outputs; pe++)
                {
                    if (s.Outputs % pe != 0) continue;
                    for (int simd = 1; simd <= s.Inputs; simd++)
                    {
                        if (s.Inputs % simd != 0 || (s.Outputs / pe) * (s.Inputs / simd) > targetCycles) continue;
                        if (best == null || pe * simd < best.Pe * best.Simd || (pe * simd == best.Pe * best.Simd && pe < best.Pe)) best = new LayerFolding(pe, simd);
                        break; // larger SIMD only costs more at this PE
                    }
                }

                return best ?? new LayerFolding(s.Outputs, s.Inputs);
            }).ToArray();
        }

        /// <summary>
        /// The canonical description hashed into <see cref="ConfigId"/>: "CIDS-HW1", the window, then per layer
        /// MW, MH, PE, SIMD, weight, input and activation bits (16-bit big-endian fields).
        /// </summary>
        public byte[] Descriptor()
        {
            var bytes = new List<byte>(System.Text.Encoding.ASCII.GetBytes("CIDS-HW1"));
            void Put(int v)
            {
                bytes.Add((byte)(v >> 8));
                bytes.Add((byte)v);
            }

            Put(WindowFrames);
            Put(Layers.Count);
            foreach (var l in Layers)
            {
                Put(l.Inputs);
                Put(l.Outputs);
                Put(l.Pe);
                Put(l.Simd);
                Put(l.WeightBits);
                Put(l.InputBits);
                Put(l.ActivationBits);
            }

            return bytes.ToArray();
        }
    }
}
