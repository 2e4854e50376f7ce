using System.Net.Sockets;
using System.Net;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// The one receive thread of a transport's pool of UDP sockets (every family): it waits until any member socket has a
/// datagram (<see cref="Socket.Select(System.Collections.IList, System.Collections.IList, System.Collections.IList, int)"/>),
/// then drains each ready socket without blocking. Members join when opened and leave when closed; the receiver disposes
/// a member's socket itself, so no socket is ever closed under a wait that is watching it.
/// </summary>
/// <remarks>
/// One blocking thread per socket made a pool of eight ports cost eight threads on a two-core machine, each waking per
/// datagram: the transport's CPU per answer rose from ~9 to ~16 µs and its rate fell by a quarter (measured in
/// benchmarks/README.md). One thread draining every ready socket per wake keeps the several source ports RFC 5452 asks
/// for at the cost of one: under load a wake finds many datagrams waiting.
/// </remarks>
internal sealed partial class DnsUdpReceiver : IAsyncDisposable
{
    // Receiving needs little stack: the parser is iterative and the largest buffer lives on the heap.
    private const int ReceiveThreadStackSize = 256 * 1024;

    private readonly Lock _gate = new();
    private readonly List<DnsUdpSocket> _members = [];
    private readonly List<DnsUdpSocket> _leaving = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Socket? _wake;
    private bool _started;
    private bool _stopping;
    private int _membersVersion;

    /// <summary>Creates the receiver; its thread starts with the first member.</summary>
    public DnsUdpReceiver()
    {
        _wake = OpenWakeSocket();
    }

    /// <summary>Sockets watched now (closed ones leave at the thread's next turn).</summary>
    public int MemberCount
    {
        get
        {
            lock (_gate)
            {
                return _members.Count;
            }
        }
    }

    /// <summary>Starts watching <paramref name="socket"/>; false when the receiver is stopping (the caller closes it).</summary>
    public bool Join(DnsUdpSocket socket)
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return false;
            }

            _members.Add(socket);
            _membersVersion++;
            if (!_started)
            {
                _started = true;
                StartThread();
                return true;
            }
        }

        Wake();
        return true;
    }

    /// <summary>
    /// Stops watching a closed member and disposes its socket: on the receive thread at its next turn, or here when the
    /// thread is gone.
    /// </summary>
    public void Leave(DnsUdpSocket socket)
    {
        lock (_gate)
        {
            if (_started && !_threadGone)
            {
                _leaving.Add(socket);
                _membersVersion++;
                Wake();
                return;
            }

            _members.Remove(socket);
        }

        socket.DisposeSocket();
    }

    /// <summary>Stops the thread without waiting (from a finalizer); the thread disposes every member as it ends.</summary>
    public void Abandon()
    {
        lock (_gate)
        {
            _stopping = true;
            _membersVersion++;
        }

        Wake();
        if (!_started)
        {
            _wake?.Dispose();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Abandon();
        if (_started)
        {
            await _exited.Task.ConfigureAwait(false);
        }
    }

    // A UDP socket connected to itself on loopback: only its own datagrams reach it, so nobody else can wake the thread.
    // Without loopback the receiver still works, noticing new and leaving members at its periodic turn.
    private static Socket? OpenWakeSocket()
    {
        var wake = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            wake.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            wake.Connect(wake.LocalEndPoint!);
            return wake;
        }
        catch (SocketException)
        {
            wake.Dispose();
            return null;
        }
    }

    private void Wake()
    {
        try
        {
            _wake?.Send([0]);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The periodic turn notices the change instead.
        }
    }

    private void StartThread()
    {
        var thread = new Thread(static state => ((DnsUdpReceiver)state!).ReceiveLoop(), ReceiveThreadStackSize)
        {
            IsBackground = true, // a forgotten client must not keep the process alive
            Name = "Dnsbl.Client UDP receive",
        };
        thread.UnsafeStart(this);
    }
}
