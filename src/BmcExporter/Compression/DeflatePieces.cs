using System.Buffers;
using System.Runtime.InteropServices;

namespace BmcExporter.Compression;

/// <summary>
/// Compresses a sequence of pieces into raw deflate (RFC 1951), each piece ending with a full flush: its bytes
/// stand alone, so <see cref="GzipFraming"/> can put pieces of many targets into one gzip member in any order.
/// One instance per thread (it holds a deflate stream); level 1, because a piece is compressed once per scrape.
/// The runtime's zlib-ng (<see cref="RuntimeZLib"/>) when the runtime offers it, else the system zlib (<see cref="ZLib"/>):
/// both write standard deflate, which any inflater (ours is the system zlib's) decodes.
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

    private readonly ZLib.ZStream* _system;
    private readonly RuntimeZLib.ZStream* _runtime;
    private bool _disposed;

    /// <summary>A compressor on the runtime's zlib-ng when <paramref name="runtime"/> (which must be available), else the system zlib.</summary>
    internal DeflatePieces(bool runtime)
    {
        int rc;
        if (runtime)
        {
            _runtime = (RuntimeZLib.ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(RuntimeZLib.ZStream));
            rc = RuntimeZLib.DeflateInit2(_runtime, Level, RawWindowBits, MemLevel, DefaultStrategy);
        }
        else
        {
            _system = (ZLib.ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZLib.ZStream));
            rc = ZLib.DeflateInit2(_system, Level, Deflated, RawWindowBits, MemLevel, DefaultStrategy, "1.2.11", sizeof(ZLib.ZStream));
        }

        if (rc != ZLib.Ok)
        {
            NativeMemory.Free(_runtime);
            NativeMemory.Free(_system);
            throw new InvalidOperationException($"deflateInit2 failed ({rc}, {(runtime ? "runtime zlib-ng" : "system zlib")})");
        }
    }

    /// <summary>This thread's compressor.</summary>
    public static DeflatePieces ForThread => t_current ??= new DeflatePieces(RuntimeZLib.Available);

    /// <summary>Whether this compressor uses the runtime's zlib-ng.</summary>
    public bool OnRuntimeZLib => _runtime != null;

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
            var availIn = (uint)piece.Length;
            var nextIn = input;
            while (true)
            {
                // A full flush needs room for the data plus a 5-byte empty stored block; ask for more when short.
                var span = output.GetSpan(Math.Max(256, (piece.Length / 2) + 64));
                uint availOut;
                int rc;
                fixed (byte* outPtr = span)
                {
                    rc = Step(ref nextIn, ref availIn, outPtr, (uint)span.Length, out availOut);
                }

                output.Advance(span.Length - (int)availOut);
                if (rc != ZLib.Ok && rc != ZLib.BufError)
                {
                    throw new InvalidOperationException($"deflate failed ({rc})");
                }

                // Done when all input is consumed and the flush fit (deflate left output room unused).
                if (availIn == 0 && availOut != 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>One <c>deflate(Z_FULL_FLUSH)</c> call; the stream keeps no pointer into managed memory afterwards.</summary>
    private int Step(ref byte* nextIn, ref uint availIn, byte* output, uint outputLength, out uint availOut)
    {
        int rc;
        if (_runtime != null)
        {
            _runtime->NextIn = nextIn;
            _runtime->AvailIn = availIn;
            _runtime->NextOut = output;
            _runtime->AvailOut = outputLength;
            rc = RuntimeZLib.Deflate(_runtime, ZLib.FullFlush);
            nextIn = _runtime->NextIn;
            availIn = _runtime->AvailIn;
            availOut = _runtime->AvailOut;
            _runtime->NextIn = null;
            _runtime->NextOut = null;
        }
        else
        {
            _system->NextIn = nextIn;
            _system->AvailIn = availIn;
            _system->NextOut = output;
            _system->AvailOut = outputLength;
            rc = ZLib.Deflate(_system, ZLib.FullFlush);
            nextIn = _system->NextIn;
            availIn = _system->AvailIn;
            availOut = _system->AvailOut;
            _system->NextIn = null;
            _system->NextOut = null;
        }

        return rc;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            if (_runtime != null)
            {
                RuntimeZLib.DeflateEnd(_runtime);
                NativeMemory.Free(_runtime);
            }
            else
            {
                ZLib.DeflateEnd(_system);
                NativeMemory.Free(_system);
            }
        }
    }
}
