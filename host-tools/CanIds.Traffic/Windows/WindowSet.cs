using System;
using System.Collections.Generic;
using System.Linq;
using CanIds.Core;

namespace CanIds.Traffic.Windows
{
    /// <summary>
    /// A log as the model sees it: for every frame, the input of its window (N × 10 bytes, newest frame last, made by
    /// the shared core's <see cref="FrameWindow"/>, the firmware's own code) and the class of its newest frame.
    /// </summary>
    public sealed class WindowSet
    {
        private WindowSet(int windowFrames, IReadOnlyList<string> classes, byte[] inputs, byte[] labels, long[] times, int count)
        {
            WindowFrames = windowFrames;
            Classes = classes;
            Inputs = inputs;
            Labels = labels;
            Times = times;
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

        /// <summary>Timestamp of window i's newest frame, µs (<see cref="CanRecord.NoTimestamp"/> when its log has none).</summary>
        public long[] Times { get; }

        /// <summary>The input of window <paramref name="index"/>.</summary>
        public ReadOnlySpan<byte> Input(int index) => Inputs.AsSpan(index * InputLength, InputLength);

        /// <summary>The identifier word (docs/input-format.md) of window <paramref name="index"/>'s newest frame.</summary>
        public int NewestWord(int index) => NewestWord(Input(index));

        /// <summary>The identifier word of a window's newest frame: its record's first two bytes, big-endian.</summary>
        public static int NewestWord(ReadOnlySpan<byte> window)
        {
            int at = window.Length - InputFormat.BytesPerFrame;
            return (window[at] << 8) | window[at + 1];
        }

        /// <summary>Windows of <paramref name="windowFrames"/> frames over <paramref name="records"/>, labelled with <paramref name="classes"/>.</summary>
        /// <exception cref="ArgumentException">A frame without a label, or with one not in <paramref name="classes"/> (the message says which frame).</exception>
        /// <exception cref="NotSupportedException">A CAN FD frame (model input format v1 covers classic CAN).</exception>
        public static WindowSet FromRecords(IEnumerable<CanRecord> records, int windowFrames, IReadOnlyList<string> classes) =>
            FromRecords(records, windowFrames, classes.ToList(), grow: false);

        /// <summary>
        /// Windows labelled with the classes their frames carry: Benign first, then the product's known classes in their
        /// usual order, then any other label in order of appearance.
        /// </summary>
        public static WindowSet FromRecordsDiscoveringClasses(IEnumerable<CanRecord> records, int windowFrames)
        {
            var found = new List<string>();
            var set = FromRecords(records, windowFrames, found, grow: true);
            return set.WithClasses(OrderClasses(found));
        }

        /// <summary>All windows of <paramref name="sets"/> (same window length), on the union of their classes.</summary>
        public static WindowSet Concat(IReadOnlyList<WindowSet> sets)
        {
            if (sets.Count == 0) throw new ArgumentException("nothing to concatenate");
            int frames = sets[0].WindowFrames;
            if (sets.Any(s => s.WindowFrames != frames)) throw new ArgumentException("windows of different lengths cannot be joined");
            var classes = OrderClasses(sets.SelectMany(s => s.Classes).Distinct(StringComparer.Ordinal).ToList());
            int count = sets.Sum(s => s.Count);
            var inputs = new byte[count * sets[0].InputLength];
            var labels = new byte[count];
            var times = new long[count];
            int at = 0;
            foreach (var s in sets)
            {
                var moved = s.WithClasses(classes);
                Array.Copy(moved.Inputs, 0, inputs, at * s.InputLength, s.Count * s.InputLength);
                Array.Copy(moved.Labels, 0, labels, at, s.Count);
                Array.Copy(moved.Times, 0, times, at, s.Count);
                at += s.Count;
            }

            return new WindowSet(frames, classes, inputs, labels, times, count);
        }

        /// <summary>The same windows labelled over <paramref name="classes"/>, which must include every class used here.</summary>
        public WindowSet WithClasses(IReadOnlyList<string> classes)
        {
            if (classes.SequenceEqual(Classes)) return this;
            var map = new byte[Classes.Count];
            for (int c = 0; c < Classes.Count; c++)
            {
                int index = classes.ToList().IndexOf(Classes[c]);
                if (index < 0 && Labels.AsSpan(0, Count).Contains((byte)c)) throw new ArgumentException($"class \"{Classes[c]}\" of the data is not one of {string.Join(", ", classes)}");
                map[c] = (byte)Math.Max(0, index);
            }

            var labels = new byte[Count];
            for (int i = 0; i < Count; i++) labels[i] = map[Labels[i]];
            return new WindowSet(WindowFrames, classes.ToArray(), Inputs, labels, Times, Count);
        }

        /// <summary>Windows per class, in class order.</summary>
        public long[] ClassCounts()
        {
            var counts = new long[Classes.Count];
            for (int i = 0; i < Count; i++) counts[Labels[i]]++;
            return counts;
        }

        /// <summary>Benign first, then the known classes in their usual order, then the rest as found.</summary>
        public static List<string> OrderClasses(IEnumerable<string> classes)
        {
            var known = new[] { TrafficClasses.Benign, TrafficClasses.DoS, TrafficClasses.Fuzzing, TrafficClasses.GearSpoof, TrafficClasses.RpmSpoof, TrafficClasses.Replay, TrafficClasses.Masquerade, TrafficClasses.Attack };
            var list = classes.ToList();
            var ordered = known.Where(list.Contains).ToList();
            if (!ordered.Contains(TrafficClasses.Benign)) ordered.Insert(0, TrafficClasses.Benign);
            ordered.AddRange(list.Where(c => !known.Contains(c)));
            return ordered;
        }

        private static WindowSet FromRecords(IEnumerable<CanRecord> records, int windowFrames, List<string> classes, bool grow)
        {
            if (!grow && classes.Count is 0 or > 255) throw new ArgumentException($"a model has 1..255 classes, not {classes.Count}");
            var classIndex = new Dictionary<string, byte>(StringComparer.Ordinal);
            for (int i = 0; i < classes.Count; i++) classIndex[classes[i]] = (byte)i;

            var window = new FrameWindow(windowFrames);
            var frame = new CanFrame();
            int inputLength = window.InputLength;
            var inputs = new byte[inputLength * 4096];
            var labels = new byte[4096];
            var times = new long[4096];
            int count = 0;
            foreach (var record in records)
            {
                if (record.Label == null) throw new ArgumentException($"frame {count + 1:N0} has no label; windows for training and evaluation need labelled traffic");
                if (!classIndex.TryGetValue(record.Label, out byte label))
                {
                    if (!grow) throw new ArgumentException($"frame {count + 1:N0} is labelled \"{record.Label}\", which is not one of the classes ({string.Join(", ", classes)})");
                    if (classes.Count == 255) throw new ArgumentException("more than 255 classes in the data");
                    label = (byte)classes.Count;
                    classIndex[record.Label] = label;
                    classes.Add(record.Label);
                }
                if (count == labels.Length)
                {
                    Array.Resize(ref labels, labels.Length * 2);
                    Array.Resize(ref times, times.Length * 2);
                    Array.Resize(ref inputs, inputs.Length * 2);
                }

                record.CopyTo(frame);
                window.Push(frame);
                window.CopyTo(inputs, count * inputLength);
                times[count] = record.TimestampUs;
                labels[count++] = label;
            }

            return new WindowSet(windowFrames, classes.ToArray(), inputs, labels, times, count);
        }
    }
}
