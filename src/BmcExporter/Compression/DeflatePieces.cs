using System.Buffers;
using System.Runtime.InteropServices;

namespace BmcExporter.Compression;

/// <summary>
/// Compresses a sequence of pieces into raw deflate (RFC 1951), each piece ending with a full flush: its bytes
/// stand alone, so <see cref="GzipFraming"/> can put pieces of many targets into one gzip member in any order.
/// One instance per thread (it holds a zlib stream); level 1, because a piece is compressed once per scrape.
/// </summary>
internal sealed unsafe class DeflatePieces : IDisposable
{
    private const int Level = 1;
    private const int Deflated = 8;

    // Pieces are a few hundred bytes to a few KB: a 4 KB window and 512 hash heads find every repeat inside one,
    // and keep the hash table that each full flush clears small (memLevel 8 would clear 64 KB per piece).
    private const int RawWindowBits = -12;
    private const int MemLevel = 2;
    private const int DefaultStrategy = 0;

    [ThreadStatic]
    private static DeflatePieces? t_current;

    private readonly ZLib.ZStream* _stream;
    private bool _disposed;

    private DeflatePieces()
    {
        _stream = (ZLib.ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZLib.ZStream));
        var rc = ZLib.DeflateInit2(_stream, Level, Deflated, RawWindowBits, MemLevel, DefaultStrategy, "1.2.11", sizeof(ZLib.ZStream));
        if (rc != ZLib.Ok)
        {
            NativeMemory.Free(_stream);
            throw new InvalidOperationException($"zlib deflateInit2 failed ({rc})");
        }
    }

    /// <summary>This thread's compressor.</summary>
    public static DeflatePieces ForThread => t_current ??= new DeflatePieces();

    /// <summary>Appends the compressed form of <paramref name="piece"/> (empty input writes nothing).</summary>
    public void Compress(ReadOnlySpan<byte> piece, IBufferWriter<byte> output)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (piece.IsEmpty)
        {
            return;
        }

        fixed (byte* input = piece)
        {
            _stream->NextIn = input;
            _stream->AvailIn = (uint)piece.Length;
            while (true)
            {
                // A full flush needs room for the data plus a 5-byte empty stored block; ask for more when short.
                var span = output.GetSpan(Math.Max(256, (piece.Length / 2) + 64));
                fixed (byte* outPtr = span)
                {
                    _stream->NextOut = outPtr;
                    _stream->AvailOut = (uint)span.Length;
                    var rc = ZLib.Deflate(_stream, ZLib.FullFlush);
                    var produced = span.Length - (int)_stream->AvailOut;
                    output.Advance(produced);
                    if (rc != ZLib.Ok && rc != ZLib.BufError)
                    {
                        throw new InvalidOperationException($"zlib deflate failed ({rc})");
                    }

                    // Done when all input is consumed and the flush fit (zlib left output room unused).
                    if (_stream->AvailIn == 0 && _stream->AvailOut != 0)
                    {
                        break;
                    }
                }
            }
        }

        _stream->NextIn = null;
        _stream->NextOut = null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            ZLib.DeflateEnd(_stream);
            NativeMemory.Free(_stream);
        }
    }
}
