using System;
using System.Collections.Generic;
using System.Linq;
using CanIds.Core;
using CanIds.Model.Integer;

namespace CanIds.Model.Hardware
{
    /// <summary>
    /// The accelerator a model is built into: its layers' shapes, widths and folding. Its <see cref="ConfigId"/> is
    /// compiled into the RTL, reported over the SPI link and written into weight images, so a model of another shape
    /// is refused before it touches the FPGA.
    /// </summary>
    public sealed class HardwareConfig
    {
        /// <summary>Target cycles per inference of <see cref="DefaultFolding"/>: 195k inferences/s at 200 MHz.</summary>
        public const int DefaultTargetCycles = 1024;

        private HardwareConfig(int windowFrames, IReadOnlyList<LayerHardware> layers)
        {
            WindowFrames = windowFrames;
            Layers = layers;
            for (int l = 0; l < layers.Count; l++) layers[l].Validate(l);
        }

        /// <summary>Frames per window.</summary>
        public int WindowFrames { get; }

        /// <summary>Input bytes per window.</summary>
        public int InputLength => WindowFrames * InputFormat.BytesPerFrame;

        /// <summary>Classes (the output layer's neurons).</summary>
        public int Classes => Layers[^1].Outputs;

        /// <summary>The MVAUs, input to output.</summary>
        public IReadOnlyList<LayerHardware> Layers { get; }

        /// <summary>Cycles between inferences in steady state: the slowest layer.</summary>
        public int InitiationInterval => Layers.Max(l => l.Cycles);

        /// <summary>Bytes of the image payload: every layer's weight then threshold words.</summary>
        public int ImagePayloadBytes => Layers.Sum(l => l.ImageBytes);

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

        /// <summary>The hardware for <paramref name="model"/> with <paramref name="folding"/> (one per layer).</summary>
        public static HardwareConfig For(IntegerModel model, IReadOnlyList<LayerFolding> folding)
        {
            if (folding.Count != model.Layers.Count) throw new ArgumentException($"{folding.Count} foldings for {model.Layers.Count} layers");
            return new HardwareConfig(model.WindowFrames, model.Layers.Select((l, i) => new LayerHardware
            {
                Inputs = l.Inputs,
                Outputs = l.Outputs,
                Folding = folding[i],
                WeightBits = l.WeightBits,
                InputBits = l.InputBits,
                ActivationBits = l.ActivationBits,
            }).ToArray());
        }

        /// <summary>The hardware for <paramref name="model"/> with <see cref="DefaultFolding"/>.</summary>
        public static HardwareConfig For(IntegerModel model, int targetCycles = DefaultTargetCycles) =>
            For(model, DefaultFolding(model.Layers.Select(l => (l.Inputs, l.Outputs)).ToArray(), targetCycles));

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
