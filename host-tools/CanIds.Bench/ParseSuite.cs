using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CanIds.Traffic.Formats;
using CanIds.Traffic.Generation;

namespace CanIds.Bench
{
    /// <summary>Log parsing on one core, per format; baseline: counting the newlines of the same file (the floor of reading lines).</summary>
    public class ParseSuite : ISuite, IByteSuite
    {
        private string _path = "";

        /// <summary>The format.</summary>
        [ParamsAllValues]
        public LogFormat Format { get; set; }

        /// <inheritdoc />
        public long Items => BenchSettings.ParseFrames;

        /// <inheritdoc />
        public string Unit => "frames";

        /// <summary>Writes the test log of this format (generated traffic, the same for every format).</summary>
        [GlobalSetup]
        public void Setup()
        {
            Directory.CreateDirectory(BenchSettings.Scratch);
            _path = PathOf(Format);
            if (File.Exists(_path)) return;
            var options = new GeneratorOptions { Seed = 1, DurationSeconds = BenchSettings.ParseFrames / 1500.0 + 10 };
            using (var writer = LogFormats.Create(_path + ".tmp", Format))
            {
                foreach (var frame in TrafficGenerator.Generate(options).Take(BenchSettings.ParseFrames)) writer.Write(frame);
                writer.Complete();
            }

            File.Move(_path + ".tmp", _path, overwrite: true);
        }

        /// <inheritdoc />
        public long BytesPerCall(BenchmarkDotNet.Parameters.ParameterInstances parameters) => new FileInfo(PathOf((LogFormat)parameters[nameof(Format)])).Length;

        private static string PathOf(LogFormat format) => Path.Combine(BenchSettings.Scratch, $"bench-{BenchSettings.ParseFrames}." + LogFormats.Name(format));

        /// <summary>Baseline: newline count.</summary>
        [Benchmark(Baseline = true)]
        public long CountLines()
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new byte[1 << 20];
            long lines = 0;
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) lines += buffer.AsSpan(0, n).Count((byte)'\n');
            return lines;
        }

        /// <summary>Parse every frame.</summary>
        [Benchmark]
        public long Parse()
        {
            using var reader = LogFormats.Open(_path, Format, new ReadOptions { UseLabelFile = false });
            long n = 0;
            while (reader.Read(out _)) n++;
            if (n != BenchSettings.ParseFrames) throw new InvalidOperationException($"{_path}: parsed {n:N0} frames, wrote {BenchSettings.ParseFrames:N0}");
            return n;
        }
    }
}
