"""Build the optional Cython extension ``bridge._native`` from ``native/``.

The extension is ``optional`` so a machine without a C compiler still gets a
working (pure-Python) install, unless ``BRIDGE_BUILD_EXTENSION=yes`` demands it.
The ``.pyx`` goes to ``setup()`` as is: calling ``cythonize()`` here would drop
the ``optional`` flag (setuptools cythonizes it itself).
"""

import os
import platform

from setuptools import Extension, setup

required = os.environ.get("BRIDGE_BUILD_EXTENSION") == "yes"
extensions = []
if platform.python_implementation() == "CPython" and os.environ.get("BRIDGE_PUREPYTHON") != "1":
    extensions.append(
        Extension(
            "bridge._native",
            ["native/_native.pyx"],
            optional=not required,
            extra_compile_args=["-O3"] if os.name != "nt" else [],
        )
    )

setup(ext_modules=extensions)
