using System;

namespace CanIds.Core.Image
{
    /// <summary>A weight image that is malformed, corrupted or not authentic; names the field at fault.</summary>
    public class ImageFormatException : Exception
    {
        /// <summary>A failure of <paramref name="field"/>.</summary>
        public ImageFormatException(string field, string problem)
            : base(field + ": " + problem)
        {
            Field = field;
        }

        /// <summary>The header field or check that failed (e.g. "magic", "crc32", "tag").</summary>
        public string Field { get; private set; }
    }
}
