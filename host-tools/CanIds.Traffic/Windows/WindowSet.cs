using System;
using System.Collections.Generic;
using CanIds.Core;

namespace CanIds.Traffic.Windows
{
    /// <summary>
    /// A log as the model sees it: for every frame, the input of its window (N × 10 bytes, newest frame last, made by
    /// the shared core's <see cref="FrameWindow"/>, the firmware's own code) and the class of its newest frame.
    /// </summary>
    public sealed class WindowSet
    {
        private WindowSet(int windowFrames, IReadOnlyList<string> classes, byte[] inputs, byte[] labels, int count)
        {
            WindowFrames = windowFrames;
            Classes = classes;
            Inputs = inputs;
            Labels = labels;
            Count = count;
        }

        /// <summary>Frames per window (N).</summary>
        public int WindowFrames { get; }

        /// <summary>Bytes per input: N × 10.</summary>
        public int InputLength => WindowFrames * InputFormat.BytesPerFrame;

        /// <summary>Class names; <see cref="Labels"/> index into them.</summary>
        public IReadOnlyList<string> Classes { get; }

        /// <summary>Windows (one per frame).</summary>
        public int Count { get; }

        /// <summary>All inputs back to back: window i at [i × InputLength, (i+1) × InputLength).</summary>
        public byte[] Inputs { get; }

        /// <summary>Class index of window i's newest frame.</summary>
        public byte[] Labels { get; }

        /// <summary>The input of window <paramref name="index"/>.</summary>
        public ReadOnlySpan<byte> Input(int index) => Inputs.AsSpan(index * InputLength, InputLength);

        /// <summary>Windows of <paramref name="windowFrames"/> frames over <paramref name="records"/>, labelled with <paramref name="classes"/>.</summary>
        /// <exception cref="ArgumentException">A frame without a label, or with one not in <paramref name="classes"/> (the message says which frame).</exception>
        /// <exception cref="NotSupportedException">A CAN FD frame (model input format v1 covers classic CAN).</exception>
        public static WindowSet FromRecords(IEnumerable<CanRecord> records, int windowFrames, IReadOnlyList<string> classes)
        {
            if (classes.Count is 0 or > 255) throw new ArgumentException($"a model has 1..255 classes, not {classes.Count}");
            var classIndex = new Dictionary<string, byte>(StringComparer.Ordinal);
            for (int i = 0; i < classes.Count; i++) classIndex[classes[i]] = (byte)i;

            var window = new FrameWindow(windowFrames);
            var frame = new CanFrame();
            int inputLength = window.InputLength;
            var inputs = new byte[inputLength * 4096];
            var labels = new byte[4096];
            int count = 0;
            foreach (var record in records)
            {
                if (record.Label == null) throw new ArgumentException($"frame {count + 1:N0} has no label; windows for training and evaluation need labelled traffic");
                if (!classIndex.TryGetValue(record.Label, out byte label))
                    throw new ArgumentException($"frame {count + 1:N0} is labelled \"{record.Label}\", which is not one of the classes ({string.Join(", ", classes)})");
                if (count == labels.Length)
                {
                    Array.Resize(ref labels, labels.Length * 2);
                    Array.Resize(ref inputs, inputs.Length * 2);
                }

                record.CopyTo(frame);
                window.Push(frame);
                window.CopyTo(inputs, count * inputLength);
                labels[count++] = label;
            }

            return new WindowSet(windowFrames, classes, inputs, labels, count);
        }
    }
}
