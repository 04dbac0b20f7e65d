using System;
using System.IO;

namespace CanIds.Traffic.Formats
{
    /// <summary>A reader of a line-oriented text log: subclasses parse one non-blank line at a time.</summary>
    public abstract class TextLogReader : CanLogReader
    {
        private readonly LineReader _lines;
        private long _firstOtherLine;

        /// <summary>Reads <paramref name="stream"/>, reporting errors against <paramref name="path"/>.</summary>
        private protected TextLogReader(string path, Stream stream, ReadOptions options)
            : base(path, options)
        {
            _lines = new LineReader(stream, path);
        }

        /// <inheritdoc />
        public override long BytesRead => _lines.Position;

        /// <summary>1-based number of the line last read.</summary>
        private protected long LineNumber => _lines.LineNumber;

        private protected override Item ReadItem(ref CanRecord record)
        {
            while (_lines.TryReadLine(out var line))
            {
                if (Fields.IsBlankLine(line)) continue;
                return ParseLine(line, ref record);
            }

            return Item.End;
        }

        /// <summary>
        /// Parses one non-blank line into <paramref name="record"/> (which arrives zeroed): a frame, an error frame, or
        /// another line by the format's rules. Throws <see cref="FieldException"/> for a malformed one.
        /// </summary>
        private protected abstract Item ParseLine(ReadOnlySpan<byte> line, ref CanRecord record);

        private protected override CanLogFormatException Locate(FieldException error)
        {
            string problem = error.Message;
            if (_lines.LastLineHadNul) problem += " (the line holds NUL bytes: binary data, not a text log)";
            else if (_lines.LastLineUnterminated) problem += " (last line of the file, without a line ending: truncated file?)";
            return new CanLogFormatException(Path, _lines.LineNumber, error.Field, problem);
        }

        private protected override void OnOther()
        {
            if (Summary.OtherLines == 0) _firstOtherLine = _lines.LineNumber;
            base.OnOther();
        }

        private protected override void AtEnd()
        {
            if (Summary.Frames == 0 && Summary.OtherLines > Summary.ErrorFrames)
            {
                // Lines, but none a frame: the wrong format (e.g. --from asc on a candump log), not an empty log.
                throw new CanLogFormatException(Path, _firstOtherLine, "format", $"none of its {Summary.OtherLines:N0} lines is a {LogFormats.Name(Format)} frame; is it in another format? (leave out --from/--format to detect it)");
            }
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing) _lines.Dispose();
            base.Dispose(disposing);
        }
    }
}
