using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CanIds.Core;
using CanIds.Traffic;
using CanIds.Traffic.Generation;
using CanIds.Traffic.Windows;

namespace CanIds.Bench
{
    /// <summary>
    /// Window encoding: frames → 10-byte encodings → sliding N-frame windows. Baseline: copying each window's bytes
    /// (what any encoder must at least do). Candidates: the firmware's per-frame path (shared core FrameWindow) and
    /// the host's bulk WindowSet.
    /// </summary>
    public class EncodeSuite : ISuite
    {
        private List<CanRecord> _records = [];
        private CanFrame[] _frames = [];
        private byte[] _out = [];
        private byte[] _flat = [];

        /// <inheritdoc />
        public long Items => BenchSettings.Windows;

        /// <inheritdoc />
        public string Unit => "windows";

        /// <summary>Generates the frames.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _records = TrafficGenerator.Generate(new GeneratorOptions { Seed = 4, DurationSeconds = BenchSettings.Windows / 1500.0 + 10 }).Take(BenchSettings.Windows).ToList();
            _frames = _records.Select(r =>
            {
                var f = new CanFrame();
                r.CopyTo(f);
                return f;
            }).ToArray();
            _out = new byte[InputFormat.DefaultWindowFrames * InputFormat.BytesPerFrame];
            _flat = new byte[(BenchSettings.Windows + 3) * InputFormat.BytesPerFrame];
        }

        /// <summary>Baseline: one 40-byte copy per window.</summary>
        [Benchmark(Baseline = true)]
        public int CopyWindows()
        {
            int sum = 0;
            for (int i = 0; i < _frames.Length; i++)
            {
                Buffer.BlockCopy(_flat, i * InputFormat.BytesPerFrame, _out, 0, _out.Length);
                sum += _out[0];
            }

            return sum;
        }

        /// <summary>The firmware's path: push each frame into the window, copy the window out.</summary>
        [Benchmark]
        public int FirmwareFrameWindow()
        {
            var window = new FrameWindow(InputFormat.DefaultWindowFrames);
            int sum = 0;
            foreach (var f in _frames)
            {
                window.Push(f);
                window.CopyTo(_out, 0);
                sum += _out[0];
            }

            return sum;
        }

        /// <summary>The host's bulk encoder (training and evaluation sets), labels included.</summary>
        [Benchmark]
        public int HostWindowSet() => WindowSet.FromRecordsDiscoveringClasses(_records, InputFormat.DefaultWindowFrames).Count;
    }
}
