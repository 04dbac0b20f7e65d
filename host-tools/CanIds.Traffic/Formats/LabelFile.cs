using System;
using System.IO;
using System.Text;
using CanIds.Traffic.Files;

namespace CanIds.Traffic.Formats
{
    /// <summary>
    /// The label side file that lets labels survive every log format: <c>LOG.labels</c> beside <c>LOG</c>, UTF-8 text,
    /// a first line <c># canids labels v1</c>, then one class name per frame, in the log's frame order. Writers write it
    /// whenever their frames carry labels; readers apply it when present (docs/traffic.md).
    /// </summary>
    public static class LabelFile
    {
        /// <summary>The first line of every label file.</summary>
        public const string Header = "# canids labels v1";

        /// <summary>The side file of <paramref name="logPath"/>.</summary>
        public static string PathFor(string logPath) => logPath + ".labels";
    }

    /// <summary>Reads a label file one name per frame.</summary>
    internal sealed class LabelFileReader : IDisposable
    {
        private readonly LineReader _lines;
        private readonly string _path;

        public LabelFileReader(string path)
        {
            _path = path;
            CommandInputs.Add(path);
            _lines = new LineReader(File.OpenRead(path), path);
            if (!_lines.TryReadLine(out var first) || !first.SequenceEqual(Encoding.ASCII.GetBytes(LabelFile.Header)))
                throw new CanLogFormatException(path, 1, "header", $"expected \"{LabelFile.Header}\"");
        }

        /// <summary>The next label; null at the end of the file.</summary>
        public string? Next()
        {
            if (!_lines.TryReadLine(out var line)) return null;
            if (line.IsEmpty || line.Length > 64 || line.IndexOfAny((byte)' ', (byte)'\t', (byte)',') >= 0)
                throw new CanLogFormatException(_path, _lines.LineNumber, "label", $"expected one class name, found {Fields.Show(line)}");
            Span<char> chars = stackalloc char[line.Length];
            int n = Encoding.UTF8.GetChars(line, chars);
            return TrafficClasses.Intern(chars[..n]);
        }

        public long LineNumber => _lines.LineNumber;

        public string Path => _path;

        public void Dispose() => _lines.Dispose();
    }
}
