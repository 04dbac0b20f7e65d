using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using CanIds.Core;
using CanIds.Core.Link;

namespace CanIds.Model.Export
{
    /// <summary>
    /// The SPI link protocol's constants for the RTL (<c>link_protocol.vh</c>), generated from the one definition the
    /// firmware and host use, <see cref="LinkProtocol"/>: command and acknowledgement codes, header layouts, flags and
    /// the status block's field offsets, the window limit, and the CRCs' parameters. A constant changed on one side only cannot go unnoticed: the RTL is built from
    /// this file and a test compares the committed file with this output.
    /// </summary>
    public static partial class LinkProtocolExport
    {
        /// <summary>Name of the generated include.</summary>
        public const string FileName = "link_protocol.vh";

        /// <summary>The file's text: one localparam per public constant of <see cref="LinkProtocol"/>, in declaration order.</summary>
        public static string Text()
        {
            var sb = new StringBuilder();
            sb.Append("// Generated from firmware/CanIds.Core/Link/LinkProtocol.cs by `canids export --rtl`; do not edit (a test compares them).\n");
            sb.Append("// The SPI link protocol's constants (docs/spi-link.md).\n");
            sb.Append("/* verilator lint_off UNUSEDPARAM */  // every module includes all of them\n");
            var constants = typeof(LinkProtocol).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral).OrderBy(f => f.MetadataToken);
            foreach (var field in constants)
            {
                string name = field.Name == nameof(LinkProtocol.Version) ? "LINK_VERSION" : Snake().Replace(field.Name, "_$1").ToUpperInvariant();
                object value = field.GetRawConstantValue()!;
                sb.Append(value is byte b
                    ? string.Create(CultureInfo.InvariantCulture, $"localparam [7:0] {name} = 8'h{b:X2};\n")
                    : string.Create(CultureInfo.InvariantCulture, $"localparam integer {name} = {(int)value};\n"));
            }

            // The CRCs' parameters, from their one definition too.
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"localparam [15:0] CRC16_INITIAL = 16'h{Crc16Ccitt.Initial:X4};\n"));
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"localparam [15:0] CRC16_POLYNOMIAL = 16'h{Crc16Ccitt.Polynomial:X4};\n"));
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"localparam [31:0] CRC32_INITIAL = 32'h{Crc32.Initial:X8};\n"));
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"localparam [31:0] CRC32_POLYNOMIAL = 32'h{Crc32.Polynomial:X8};\n"));
            sb.Append("/* verilator lint_on UNUSEDPARAM */\n");
            return sb.ToString();
        }

        [GeneratedRegex("(?<!^)([A-Z])")]
        private static partial Regex Snake();
    }
}
