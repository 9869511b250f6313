# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

k# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

U# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

k# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

=# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

;# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

=# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

;# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

I# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

R# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

,# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

L# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

T# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

A# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

'# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

,# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

,# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

B# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

;# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

2# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

7# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

=# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

T# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

C# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

P# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

2# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

7# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

;# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

=# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

3# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

+# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

R# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

A# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

N# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

O# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

%# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

3# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

x# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

3# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

<# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

># bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

2# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

7# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

2# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

># bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

&# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

&# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

I# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

R# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

T# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

A# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

;# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

I# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

R# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

=# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

># bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

2# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

># bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

&# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

|# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

|# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

># bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

&# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

2# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

[# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

H# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

S# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

T# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

A# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

S# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

T# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

P# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

P# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

O# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

R# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

T# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

]# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

|# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

|# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

># bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

&# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

2# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

'# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

,# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

L# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

I# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

F# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

x# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

H# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

H# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

S# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

L# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

A# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

P# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

U# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

R# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

I# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

H# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

S# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

A# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

I# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

N# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

N# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

\# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

H# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

S# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

A# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

I# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

N# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

P# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

W# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

># bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

V# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

A# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

L# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

U# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

E# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

L# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

T# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

A# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

'# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

H# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

S# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

T# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

A# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

N# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

L# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

;# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

L# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

;# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

|# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

N# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

V# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

A# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

L# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

U# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

E# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

'# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

L# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

'# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

%# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

\# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

\# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

L# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

\# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

L# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

%# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

\# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

'# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

\# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

2# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

|# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

C# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

k# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

,# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

@# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

&# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

=# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

!# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

,# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

;# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

k# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

2# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

># bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

;# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

2# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

># bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

=# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

[# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

z# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

]# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

|# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

|# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

># bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

2# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

># bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

&# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

=# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

+# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

%# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

%# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

N# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

S# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

E# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

C# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

O# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

N# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

S# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

C# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

C# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

># bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

=# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

=# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

=# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

+# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

%# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

;# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

=# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

@# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

[# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

w# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

]# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

&# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

&# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

[# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

+# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

%# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

]# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

&# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

&# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

.# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

0# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

5# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

q# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

g# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

T# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

A# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

'# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

q# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

y# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

r# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

x# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

:# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

## bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

L# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

B# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

z# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

i# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

K# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

B# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

h# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

q# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

k# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

b# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

(# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

)# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

{# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

	# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

k# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

$# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

M# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

H# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

S# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

S# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

I# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

T# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

E# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

_# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

D# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

I# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

R# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

s# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

p# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

o# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

m# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

a# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

q# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

"# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

2# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

># bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

d# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

e# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

v# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

/# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

n# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

l# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

|# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

c# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

u# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

t# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

 # bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

-# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

f# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

1# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

}# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}


# bench_free_port - a TCP port on 127.0.0.1 nothing listens on
bench_free_port() {
	"$builddir/mmhs-site" free-port
}

