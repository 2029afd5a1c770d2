using System.Buffers;
using System.Runtime.InteropServices;

namespace BmcExporter.Compression;

/// <summary>
/// Turns one piece made by <see cref="DeflatePieces"/> back into its text. A piece ends in a full flush and owes
/// nothing to what came before it (RFC 1951 §3.2.4; zlib manual, <c>Z_FULL_FLUSH</c>), so a raw inflater reset per
/// piece decodes it alone. Used where only the compressed form is kept and plain text is asked for. One instance per
/// thread (it holds a zlib stream).
/// </summary>
internal sealed unsafe class InflatePieces : IDisposable
{
    // Raw deflate with the largest window: decodes pieces made with any smaller one.
    private const int RawWindowBits = -15;

    [ThreadStatic]
    private static InflatePieces? t_current;

    private readonly ZLib.ZStream* _stream;
    private bool _disposed;

    private InflatePieces()
    {
        _stream = (ZLib.ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZLib.ZStream));
        var rc = ZLib.InflateInit2(_stream, RawWindowBits, "1.2.11", sizeof(ZLib.ZStream));
        if (rc != ZLib.Ok)
        {
            NativeMemory.Free(_stream);
            throw new InvalidOperationException($"zlib inflateInit2 failed ({rc})");
        }
    }

    /// <summary>This thread's decompressor.</summary>
    public static InflatePieces ForThread => t_current ??= new InflatePieces();

    /// <summary>
    /// Appends the text of <paramref name="piece"/>, which must decode to exactly <paramref name="textLength"/> bytes
    /// (kept beside the piece when it was made); anything else is an <see cref="InvalidDataException"/>.
    /// </summary>
    public void Decompress(ReadOnlySpan<byte> piece, int textLength, IBufferWriter<byte> output)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(output);
        if (piece.IsEmpty)
        {
            if (textLength != 0)
            {
                throw new InvalidDataException($"an empty piece cannot hold {textLength} bytes of text");
            }

            return;
        }

        ZLib.InflateReset(_stream);

        // One byte more than the text: the empty stored block of the flush produces nothing but must be consumed.
        var span = output.GetSpan(textLength + 1);
        int produced;
        int rc;
        fixed (byte* input = piece)
        fixed (byte* outPtr = span)
        {
            _stream->NextIn = input;
            _stream->AvailIn = (uint)piece.Length;
            _stream->NextOut = outPtr;
            _stream->AvailOut = (uint)(textLength + 1);
            rc = ZLib.Inflate(_stream, ZLib.SyncFlush);
            produced = textLength + 1 - (int)_stream->AvailOut;
            var left = _stream->AvailIn;
            _stream->NextIn = null;
            _stream->NextOut = null;
            if ((rc != ZLib.Ok && rc != ZLib.BufError) || left != 0 || produced != textLength)
            {
                throw new InvalidDataException($"a compressed piece decoded to {produced} of {textLength} bytes (zlib {rc}, {left} input bytes left)");
            }
        }

        output.Advance(produced);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            ZLib.InflateEnd(_stream);
            NativeMemory.Free(_stream);
        }
    }
}
