using System;
using System.Collections.Generic;
using System.IO;

namespace CanIds.Traffic.Formats
{
    /// <summary>
    /// Streams the frames of one log file, in constant memory whatever its size. Subclasses parse one line; this class
    /// turns field errors into <see cref="CanLogFormatException"/> (file, line, field) or, with
    /// <see cref="ReadOptions.SkipMalformed"/>, counts them, and applies the label side file.
    /// </summary>
    public abstract class CanLogReader : IDisposable
    {
        private readonly LineReader _lines;
        private readonly LabelFileReader? _labels;

        /// <summary>Reads <paramref name="stream"/>, reporting errors against <paramref name="path"/>.</summary>
        protected CanLogReader(string path, Stream stream, ReadOptions options)
        {
            Path = path;
            Options = options;
            _lines = new LineReader(stream, path);
            var labelPath = LabelFile.PathFor(path);
            if (options.UseLabelFile && File.Exists(labelPath)) _labels = new LabelFileReader(labelPath);
        }

        /// <summary>The log's path, as errors name it.</summary>
        public string Path { get; }

        /// <summary>The format this reader parses.</summary>
        public abstract LogFormat Format { get; }

        /// <summary>Options in force.</summary>
        protected ReadOptions Options { get; }

        private long _firstOtherLine;

        /// <summary>Counts of what was read so far.</summary>
        public ParseSummary Summary { get; } = new();

        /// <summary>Bytes of the log consumed so far.</summary>
        public long BytesRead => _lines.Position;

        /// <summary>True when a label file supplies the labels.</summary>
        public bool HasLabelFile => _labels != null;

        /// <summary>The next frame; false at the end of the log.</summary>
        /// <exception cref="CanLogFormatException">A malformed line (unless skipping), or a label file that does not match the log.</exception>
        public bool Read(out CanRecord record)
        {
            record = default;
            while (_lines.TryReadLine(out var line))
            {
                if (Fields.IsBlankLine(line)) continue;
                bool isFrame;
                try
                {
                    record = default;
                    isFrame = ParseLine(line, ref record);
                }
                catch (FieldException e)
                {
                    var error = new CanLogFormatException(Path, _lines.LineNumber, e.Field, Explain(e.Message, line));
                    if (!Options.SkipMalformed) throw error;
                    Summary.RecordSkip(error);
                    _labels?.Next(); // the bad line was a frame the writer labelled: keep the label file aligned
                    continue;
                }

                if (!isFrame)
                {
                    if (Summary.OtherLines++ == 0) _firstOtherLine = _lines.LineNumber;
                    continue;
                }

                if (_labels != null) ApplyLabelFile(ref record);
                Summary.Frames++;
                return true;
            }

            if (Summary.Frames == 0 && Summary.OtherLines > 0)
            {
                // Lines, but none a frame: the wrong format (e.g. --from asc on a candump log), not an empty log.
                throw new CanLogFormatException(Path, _firstOtherLine, "format", $"none of its {Summary.OtherLines:N0} lines is a {LogFormats.Name(Format)} frame; is it in another format? (leave out --from/--format to detect it)");
            }

            if (_labels != null && _labels.Next() is { } extra)
                throw new CanLogFormatException(_labels.Path, _labels.LineNumber, "label", $"the label file has more labels than {Path} has frames ({Summary.Frames:N0}); next is \"{extra}\"");
            return false;
        }

        /// <summary>Every remaining frame, streamed.</summary>
        public IEnumerable<CanRecord> ReadAll()
        {
            while (Read(out var record)) yield return record;
        }

        /// <summary>
        /// Parses one non-blank line into <paramref name="record"/> (which arrives zeroed); returns false for a line
        /// that is not a frame by the format's rules. Throws <see cref="FieldException"/> for a malformed one.
        /// </summary>
        private protected abstract bool ParseLine(ReadOnlySpan<byte> line, ref CanRecord record);

        /// <summary>Fails the current line: <paramref name="field"/> is not what the format allows.</summary>
        private protected static Exception Malformed(string field, string problem) => new FieldException(field, problem);

        private void ApplyLabelFile(ref CanRecord record)
        {
            var label = _labels!.Next()
                ?? throw new CanLogFormatException(_labels.Path, _labels.LineNumber + 1, "label", $"the label file ends before frame {Summary.Frames + 1:N0} of {Path} (line {_lines.LineNumber})");
            if (record.Label != null && (record.Label == TrafficClasses.Benign) != (label == TrafficClasses.Benign))
                throw new CanLogFormatException(_labels.Path, _labels.LineNumber, "label", $"\"{label}\" contradicts the log's own label \"{record.Label}\" at {Path}:{_lines.LineNumber}");
            record.Label = label;
        }

        private string Explain(string problem, ReadOnlySpan<byte> line)
        {
            if (line.IndexOf((byte)0) >= 0) return problem + " (the line holds NUL bytes: binary data, not a text log)";
            if (_lines.LastLineUnterminated) return problem + " (last line of the file, without a line ending: truncated file?)";
            return problem;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _lines.Dispose();
            _labels?.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
